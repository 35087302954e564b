// What a text comes to before anything in it is matched, so that a name cannot slip
// past the replacing or the check by the way its letters are written: character
// references for letters ("&#75;") are written as the letters; invisible characters
// (zero-width spaces and joiners, soft hyphens, direction marks, variation selectors)
// and emphasis or code marks inside a word ("**Smi**th") are taken out; full-width, mathematical, circled and ligature letters
// become plain ones (NFKC, for those letters only, so a superscript "3ʳᵈ" keeps its
// form); small capitals become letters; and in a word that has a Latin letter, a
// Cyrillic, Greek, Armenian, Lisu or Cherokee letter that looks like a Latin one is read as that
// letter ("Kаyleigh" with a Cyrillic а is "Kayleigh"). A word wholly in another
// script is left as written: `skeleton` gives the Latin it looks like, for a known
// name written wholly in look-alikes ("Кау"). Pure.

/** Characters that show nothing, or nothing of their own: format characters (zero-width spaces and joiners, soft hyphens, direction marks), the combining grapheme joiner, variation selectors, Hangul fillers. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
/** Letters NFKC makes plain: full-width forms, letter-like symbols (K, ℓ), circled letters, ligatures (ﬁ), mathematical and squared letters. */
const COMPAT = /[\uFF01-\uFF5E\u2100-\u214F\u2460-\u24FF\uFB00-\uFB06\u{1D400}-\u{1D7FF}\u{1F130}-\u{1F189}]/gu;

/** Letters of other scripts (and Latin small capitals) that look like a Latin letter. */
const LOOK_ALIKE: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ѐ: 'è',
  ё: 'ë',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'ï',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ɡ: 'g',
  ү: 'y',
  ѵ: 'v',
  ԍ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  Ѐ: 'È',
  Ё: 'Ë',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ї: 'Ï',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  Һ: 'H',
  Ӏ: 'I',
  Ү: 'Y',
  Ѵ: 'V',
  Ԍ: 'G',
  Ԁ: 'D',
  // Greek
  α: 'a',
  ο: 'o',
  ν: 'v',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  τ: 't',
  χ: 'x',
  ϲ: 'c',
  ϳ: 'j',
  ε: 'e',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  Ϳ: 'J',
  Ϝ: 'F',
  ϝ: 'f',
  Ϻ: 'M',
  ϒ: 'Y',
  // Armenian
  օ: 'o',
  ս: 'u',
  հ: 'h',
  ո: 'n',
  ց: 'g',
  զ: 'q',
  Տ: 'S',
  Օ: 'O',
  Ս: 'U',
  Լ: 'L',
  // Lisu (letters without case, shaped as Latin capitals)
  ꓐ: 'B',
  ꓑ: 'P',
  ꓓ: 'D',
  ꓔ: 'T',
  ꓖ: 'G',
  ꓗ: 'K',
  ꓙ: 'J',
  ꓚ: 'C',
  ꓜ: 'Z',
  ꓝ: 'F',
  ꓟ: 'M',
  ꓠ: 'N',
  ꓡ: 'L',
  ꓢ: 'S',
  ꓣ: 'R',
  ꓦ: 'V',
  ꓧ: 'H',
  ꓪ: 'W',
  ꓫ: 'X',
  ꓬ: 'Y',
  ꓮ: 'A',
  ꓰ: 'E',
  ꓲ: 'I',
  ꓳ: 'O',
  ꓴ: 'U',
  // Cherokee, capitals and their small forms
  Ꭰ: 'D',
  Ꭱ: 'R',
  Ꭲ: 'T',
  Ꭺ: 'A',
  Ꭻ: 'J',
  Ꭼ: 'E',
  Ꮓ: 'Z',
  Ꮃ: 'W',
  Ꮤ: 'W',
  Ꮇ: 'M',
  Ꮋ: 'H',
  Ꮐ: 'G',
  Ꮪ: 'S',
  Ꮮ: 'L',
  Ꮯ: 'C',
  Ꮲ: 'P',
  Ꮶ: 'K',
  Ꮩ: 'V',
  Ᏼ: 'B',
  ꭰ: 'd',
  ꭱ: 'r',
  ꭲ: 't',
  ꭺ: 'a',
  ꭻ: 'j',
  ꭼ: 'e',
  ꮓ: 'z',
  ꮃ: 'w',
  ꮤ: 'w',
  ꮇ: 'm',
  ꮋ: 'h',
  ꮐ: 'g',
  ꮪ: 's',
  ꮮ: 'l',
  ꮯ: 'c',
  ꮲ: 'p',
  ꮶ: 'k',
  ꮩ: 'v',
  ᏼ: 'b',
  Ꭵ: 'i',
  Ꮒ: 'h',
  Ꮟ: 'b',
  // Latin small capitals and other Latin look-alikes
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ꜰ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɩ: 'i',
  ʋ: 'v',
};
const LOOK_ALIKE_CLASS = new RegExp(`[${Object.keys(LOOK_ALIKE).join('')}]`, 'gu');
const HAS_LOOK_ALIKE = new RegExp(LOOK_ALIKE_CLASS.source, 'u');
const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;

/** Every look-alike letter read as the Latin letter it looks like. */
export function skeleton(word: string): string {
  return word.replace(LOOK_ALIKE_CLASS, (c) => LOOK_ALIKE[c] ?? c);
}

/** Without what shows nothing: what a word is read as when it is compared. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A character reference that Markdown shows as a letter or digit ("&#75;" is K). */
const CHARACTER_REFERENCE = /&#(?:(\d{1,7})|[xX]([\da-fA-F]{1,6}));/g;
/** Emphasis, strike-through or code marks inside a word, which Markdown shows as one word ("**Smi**th"). */
const MARKS_IN_WORD = /(?<=\p{L}\p{M}*)(?:\*+|~~|`+)(?=\p{L})/gu;

/** A text as it is matched, and as the copy holds it: see above. */
export function clean(text: string): string {
  const decoded = text.replace(CHARACTER_REFERENCE, (ref: string, dec: string | undefined, hex: string | undefined) => {
    const cp = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    const ch = cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    return /^[\p{L}\p{M}\p{N}\p{Cf}]$/u.test(ch) ? ch : ref;
  });
  const plain = withoutInvisible(decoded.normalize('NFC'))
    .replace(COMPAT, (c) => c.normalize('NFKC'))
    .replace(MARKS_IN_WORD, '');
  // a word with a Latin letter in it (small capitals are Latin) has its look-alikes read as Latin; a word wholly in another script is kept
  return plain.replace(WORD, (w) => (HAS_LOOK_ALIKE.test(w) && LATIN.test(w) ? skeleton(w) : w)).normalize('NFC');
}
