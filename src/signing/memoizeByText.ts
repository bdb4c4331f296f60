/**
 * Remembers a pure function's answers for the texts it was last asked about. A server reads the
 * same X-Amz-Date, Credential and SignedHeaders in request after request from one client, so it
 * parses each once. The texts come from clients: at most `maxEntries` are kept (the oldest goes
 * first) and a text longer than `maxTextLength` is parsed every time, never kept. An answer that
 * is an object is shared by every caller that asks again: it must be read, never changed (the
 * callers here freeze theirs).
 */
export interface TextMemo<T> {
  (text: string): T;
  readonly size: number;
}

export function memoizeByText<T>(
  compute: (text: string) => T,
  bounds: { maxEntries: number; maxTextLength: number },
): TextMemo<T> {
  const answers = new Map<string, T>();
  // The text asked last, answered by comparing it (a text fresh off the wire has no hash yet).
  let lastText: string | undefined;
  let lastAnswer: T | undefined;
  const memo = (text: string): T => {
    if (text === lastText) return lastAnswer as T;
    if (text.length > bounds.maxTextLength) return compute(text);
    let answer = answers.get(text);
    if (answer === undefined && !answers.has(text)) {
      answer = compute(text);
      if (answers.size >= bounds.maxEntries) answers.delete(answers.keys().next().value!);
      answers.set(text, answer);
    }
    lastText = text;
    lastAnswer = answer;
    return answer as T;
  };
  Object.defineProperty(memo, 'size', { get: () => answers.size });
  return memo as TextMemo<T>;
}
