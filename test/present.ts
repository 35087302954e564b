// Reads a test expects to find something at: the value, or the test fails saying what
// was missing (rather than a TypeError further on).

/** `value`, which the test expects to be there. */
export function present<T>(value: T | undefined, what = 'a value'): T {
  if (value === undefined) throw new Error(`expected ${what}, found nothing`);
  return value;
}
