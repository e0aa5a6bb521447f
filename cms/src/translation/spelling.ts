import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { type Hunspell, loadModule } from 'hunspell-asm';

/**
 * Mongolian spelling with Debian's hunspell-mn dictionary (/usr/share/hunspell/mn_MN.aff/.dic,
 * `apt-get install hunspell-mn`), run by Hunspell itself compiled to WebAssembly (hunspell-asm).
 * nspell, the pure-JavaScript reader, did not finish loading this dictionary (17 MB, 11,000 affix
 * rules) in two minutes; Hunspell loads it in seconds. It is loaded once per process, on the
 * first check, not at start-up (it holds ~100 MB).
 *
 * Company words (names, products) are the `dictionary-word` entries editors keep in the admin,
 * added to the loaded dictionary before each check (and removed again when deleted there).
 */
export const DICTIONARY_WORD_UID = 'api::dictionary-word.dictionary-word' as UID.ContentType;
export const HUNSPELL_DIR = process.env.HUNSPELL_DIR ?? '/usr/share/hunspell';

interface Speller {
  hunspell: Hunspell;
  added: Set<string>;
}
let loading: Promise<Speller> | null = null;

export class SpellingUnavailableError extends Error {}

async function loadSpeller(): Promise<Speller> {
  const files = ['mn_MN.aff', 'mn_MN.dic'].map((name) => path.join(HUNSPELL_DIR, name));
  const [aff, dic] = await Promise.all(files.map((file) => fs.readFile(file))).catch(() => {
    throw new SpellingUnavailableError(
      `the Mongolian dictionary is not installed (${files.join(', ')}; apt-get install hunspell-mn)`,
    );
  });
  const factory = await loadModule();
  const hunspell = factory.create(factory.mountBuffer(aff!, 'mn_MN.aff'), factory.mountBuffer(dic!, 'mn_MN.dic'));
  return { hunspell, added: new Set() };
}

/** Cyrillic words, with hyphenated endings kept on the word (ХХК-ийн); an ending on a number (1-р, 29-нд) is no word. */
const WORD = /(?<![\p{L}\p{N}]-?)\p{Script=Cyrillic}+(?:-\p{Script=Cyrillic}+)*/gu;

export interface Misspelling {
  word: string;
  start: number;
  end: number;
}

export type SpellCheck = (text: string) => Misspelling[];

/**
 * A Mongolian checker for texts, with the company words of the dictionary-word type and
 * `extraWords` (the glossary's Mongolian terms) accepted. Words in capitals only are
 * abbreviations (БНХАУ, ХХК) and are not checked.
 */
export async function mongolianSpelling(strapi: Core.Strapi, extraWords: readonly string[] = []): Promise<SpellCheck> {
  loading ??= loadSpeller().catch((error) => {
    loading = null;
    throw error;
  });
  const speller = await loading;
  const rows = (await strapi.db.query(DICTIONARY_WORD_UID).findMany({ select: ['word'] })) as Array<{ word: string }>;
  const words = new Set(rows.map((row) => row.word.trim()).filter(Boolean));
  for (const phrase of extraWords) for (const [word] of phrase.matchAll(WORD)) words.add(word);
  for (const word of speller.added) if (!words.has(word)) speller.hunspell.removeWord(word);
  for (const word of words) if (!speller.added.has(word)) speller.hunspell.addWord(word);
  speller.added = words;

  const correct = (word: string) =>
    word === word.toUpperCase() ||
    speller.hunspell.spell(word) ||
    // A company word with a hyphenated ending (Бэйлан-д).
    (word.includes('-') && words.has(word.split('-')[0]!));
  return (text) =>
    [...text.matchAll(WORD)]
      .filter(([word]) => !correct(word))
      .map((match) => ({ word: match[0], start: match.index, end: match.index + match[0].length }));
}
