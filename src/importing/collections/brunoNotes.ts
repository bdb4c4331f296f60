// The notes a Bruno import ends with: what was left out or changed, one sentence per kind.
import type { NoteTallies } from './importNotes';

export type BrunoNoteKind =
  | 'otherAuth'
  | 'profile'
  | 'multipart'
  | 'file'
  | 'skippedRequests'
  | 'notRequests'
  | 'folderVariables'
  | 'inheritedHeaders'
  | 'unfilledPath'
  | 'ignoredFiles';

export function brunoNoteSentences(
  notes: NoteTallies<BrunoNoteKind>,
  otherAuthModes: ReadonlySet<string>,
): string[] {
  const sentences: string[] = [];
  const say = (kind: BrunoNoteKind, sentence: (names: string, one: boolean) => string) => {
    const tally = notes.get(kind);
    if (tally !== undefined) sentences.push(sentence(tally.describe(), tally.count === 1));
  };
  say(
    'otherAuth',
    (names, one) =>
      `${names} ${one ? 'uses' : 'use'} auth other than AWS Signature (${[...otherAuthModes].join(', ')}): imported without it, as the playground signs with SigV4.`,
  );
  say(
    'profile',
    (names, one) =>
      `${names} ${one ? 'signs' : 'sign'} with an AWS profile from ~/.aws, which a browser cannot read: enter the keys in the credentials panel.`,
  );
  say(
    'multipart',
    (names) => `The multipart bodies of ${names} were left out: the playground sends text bodies.`,
  );
  say(
    'file',
    (names) => `The file bodies of ${names} were left out: choose the file again in the body.`,
  );
  say(
    'skippedRequests',
    (names, one) =>
      `${names} ${one ? 'was' : 'were'} left out (gRPC or WebSocket): the playground sends HTTP requests.`,
  );
  say(
    'notRequests',
    (names, one) =>
      `${names} ${one ? 'holds' : 'hold'} no request block (get { }, post { }, …) and ${one ? 'was' : 'were'} left out.`,
  );
  say(
    'folderVariables',
    (names) =>
      `Request and folder variables (vars:pre-request) were written into ${names}: the playground keeps variables on the collection and in environments.`,
  );
  say(
    'inheritedHeaders',
    (names) =>
      `Headers of collection.bru and folder.bru were copied into ${names}, as Bruno sends them.`,
  );
  say(
    'unfilledPath',
    (names, one) =>
      `${names} ${one ? 'has' : 'have'} path parameters (:name) without a value: fill them in the URL.`,
  );
  say(
    'ignoredFiles',
    (names, one) =>
      `Only .bru files and bruno.json are read: ${names} ${one ? 'was' : 'were'} not.`,
  );
  return sentences;
}
