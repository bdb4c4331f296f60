/** An offset in seconds with its sign: "+42 s", "−3 s", "0 s". */
export function signed(seconds: number): string {
  return `${seconds > 0 ? '+' : seconds < 0 ? '−' : ''}${Math.abs(seconds)} s`;
}
