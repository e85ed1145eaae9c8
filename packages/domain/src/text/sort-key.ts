/**
 * A binary-comparable key that orders text as the Vietnamese collation does
 * (compareVietnamese): ă, â, đ, ê, ô, ơ, ư are letters of their own after
 * a, d, e, o, u; tones only break ties (a < à < ả < ã < á < ạ); spaces and
 * punctuation sort before digits, digits before letters, and a run of digits
 * by its value ("A9" before "A10"). Databases without a Vietnamese collation
 * (SQLite) sort by this key with plain byte order.
 */

const alphabet = [...'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz'];
/** Letters map to consecutive characters from "A" (0x41) on: above digits and punctuation. */
const letterCode = new Map(alphabet.map((letter, i) => [letter, String.fromCharCode(0x41 + i)]));

/** Marks that make a letter of its own (breve, circumflex, horn); the rest are tones. */
const letterMarks = new Map([
  ['a\u0306', 'ă'],
  ['a\u0302', 'â'],
  ['e\u0302', 'ê'],
  ['o\u0302', 'ô'],
  ['o\u031b', 'ơ'],
  ['u\u031b', 'ư'],
]);
/** Tones in the traditional order: ngang (none), huyền, hỏi, ngã, sắc, nặng. */
const toneWeight = new Map([
  ['\u0300', '1'],
  ['\u0309', '2'],
  ['\u0303', '3'],
  ['\u0301', '4'],
  ['\u0323', '5'],
]);

/** Sorts below every character a key holds, so a shorter text sorts first. */
const SEPARATOR = '\u0001';

interface KeyParts {
  primary: string;
  tones: string;
}

function keyParts(text: string): KeyParts {
  const chars = [...text.normalize('NFC').toLowerCase().normalize('NFD').trim()];
  let primary = '';
  let tones = '';
  for (let i = 0; i < chars.length;) {
    const char = chars[i] as string;
    if (/\d/.test(char)) {
      let digits = '';
      while (i < chars.length && /\d/.test(chars[i] as string)) digits += chars[i++];
      const value = digits.replace(/^0+(?=\d)/, '').slice(0, 9);
      // Length first, so a longer number sorts after a shorter one: "9" < "10".
      primary += String.fromCharCode(0x30 + value.length) + value;
      continue;
    }
    i += 1;
    let letter = char;
    let tone = '0';
    while (i < chars.length && /\p{M}/u.test(chars[i] as string)) {
      const mark = chars[i++] as string;
      const combined = letterMarks.get(letter + mark);
      if (combined) letter = combined;
      else tone = toneWeight.get(mark) ?? tone;
    }
    const code = letterCode.get(letter);
    if (code) {
      primary += code;
      tones += tone;
    } else if (/[\s\p{P}\p{S}]/u.test(letter)) {
      // Spaces before punctuation, both before digits: as ICU's non-ignorable order.
      if (/\s/.test(letter)) {
        if (!primary.endsWith(' ')) primary += ' ';
      } else primary += '!';
    } else {
      // Letters of other scripts keep their own code points, after the Latin ones.
      primary += letter;
    }
  }
  return { primary, tones };
}

/** Key of a whole text: letters first, tones only where the letters tie. */
export function vietnameseSortKey(text: string): string {
  const { primary, tones } = keyParts(text);
  return primary + SEPARATOR + tones;
}

/**
 * Key of a person's name in the order of compareVietnameseNames: the given
 * name (the last word) first, then the whole name, then the tones.
 */
export function vietnameseNameSortKey(name: string): string {
  const given = name.trim().split(/\s+/).at(-1) ?? '';
  const whole = keyParts(name);
  return keyParts(given).primary + SEPARATOR + whole.primary + SEPARATOR + whole.tones;
}
