// The notes a Bruno import ends with: what was left out or changed, one sentence per kind.
import { LEFT_OUT_SENTENCES, noteSentences, type NoteTallies } from './importNotes';

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
  return noteSentences(notes, [
    [
      'otherAuth',
      (names, one) =>
        `${names} ${one ? 'uses' : 'use'} auth other than AWS Signature (${[...otherAuthModes].join(', ')}): imported without it, as the playground signs with SigV4.`,
    ],
    [
      'profile',
      (names, one) =>
        `${names} ${one ? 'signs' : 'sign'} with an AWS profile from ~/.aws, which a browser cannot read: enter the keys in the credentials panel.`,
    ],
    ['multipart', LEFT_OUT_SENTENCES.multipart],
    ['file', LEFT_OUT_SENTENCES.file],
    [
      'skippedRequests',
      (names, one) =>
        `${names} ${one ? 'was' : 'were'} left out (gRPC or WebSocket): the playground sends HTTP requests.`,
    ],
    [
      'notRequests',
      (names, one) =>
        `${names} ${one ? 'holds' : 'hold'} no request block (get { }, post { }, …) and ${one ? 'was' : 'were'} left out.`,
    ],
    [
      'folderVariables',
      (names) =>
        `Request and folder variables (vars:pre-request) were written into ${names}: the playground keeps variables on the collection and in environments.`,
    ],
    [
      'inheritedHeaders',
      (names) =>
        `Headers of collection.bru and folder.bru were copied into ${names}, as Bruno sends them.`,
    ],
    ['unfilledPath', LEFT_OUT_SENTENCES.unfilledPath],
    [
      'ignoredFiles',
      (names, one) =>
        `Only .bru files and bruno.json are read: ${names} ${one ? 'was' : 'were'} not.`,
    ],
  ]);
}
