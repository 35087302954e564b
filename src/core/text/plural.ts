// Counts in words: "1 case", "2 cases", "<5 cases" (a suppressed count in a shared view).

/** `count` followed by the noun in the form that agrees with it; `many` defaults to `one` + "s". */
export function counted(count: number | string, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 || count === '1' ? one : many}`;
}
