// The notes an Insomnia import ends with: what was left out or changed, one sentence per kind.
import { LEFT_OUT_SENTENCES, noteSentences, type NoteTallies } from './importNotes';

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
  return noteSentences(notes, [
    [
      'otherAuth',
      (names, one) =>
        `${names} ${one ? 'uses' : 'use'} authentication other than AWS IAM (${[...otherAuthTypes].join(', ')}): imported without it, as the playground signs with SigV4.`,
    ],
    ['multipart', LEFT_OUT_SENTENCES.multipart],
    ['file', LEFT_OUT_SENTENCES.file],
    [
      'skippedRequests',
      (names, one) =>
        `${names} ${one ? 'was' : 'were'} left out (gRPC, WebSocket, Socket.IO or MCP): the playground sends HTTP requests.`,
    ],
    [
      'folderVariables',
      (names) =>
        `Folder variables were written into ${names}: the playground keeps variables on the collection and in environments, not on folders.`,
    ],
    [
      'folderHeaders',
      (names) => `Headers set on folders were copied into ${names}, as Insomnia sends them.`,
    ],
    ['unfilledPath', LEFT_OUT_SENTENCES.unfilledPath],
  ]);
}
