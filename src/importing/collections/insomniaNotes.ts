// The notes an Insomnia import ends with: what was left out or changed, one sentence per kind.
import type { NoteTallies } from './importNotes';

export type InsomniaNoteKind =
  | 'otherAuth'
  | 'multipart'
  | 'file'
  | 'skippedRequests'
  | 'folderVariables'
  | 'folderHeaders'
  | 'unfilledPath';

export function insomniaNoteSentences(
  notes: NoteTallies<InsomniaNoteKind>,
  otherAuthTypes: ReadonlySet<string>,
): string[] {
  const sentences: string[] = [];
  const say = (kind: InsomniaNoteKind, sentence: (names: string, one: boolean) => string) => {
    const tally = notes.get(kind);
    if (tally !== undefined) sentences.push(sentence(tally.describe(), tally.count === 1));
  };
  say(
    'otherAuth',
    (names, one) =>
      `${names} ${one ? 'uses' : 'use'} authentication other than AWS IAM (${[...otherAuthTypes].join(', ')}): imported without it, as the playground signs with SigV4.`,
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
      `${names} ${one ? 'was' : 'were'} left out (gRPC, WebSocket, Socket.IO or MCP): the playground sends HTTP requests.`,
  );
  say(
    'folderVariables',
    (names) =>
      `Folder variables were written into ${names}: the playground keeps variables on the collection and in environments, not on folders.`,
  );
  say(
    'folderHeaders',
    (names) => `Headers set on folders were copied into ${names}, as Insomnia sends them.`,
  );
  say(
    'unfilledPath',
    (names, one) =>
      `${names} ${one ? 'has' : 'have'} path parameters (:name) without a value: fill them in the URL.`,
  );
  return sentences;
}
