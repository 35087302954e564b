// Text for XML (JUnit output): markup escaped, characters XML cannot hold dropped.
const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/** Text for XML content and attributes: markup escaped, characters XML cannot hold dropped, invisible ones as character references. */
export function xmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these characters: the pattern removes them
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/[\t\n\r\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (c) => `&#x${hex(c.codePointAt(0)!, 1).toUpperCase()};`)
  );
}
