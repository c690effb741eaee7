/** The 42 languages a client's front desk can use, in the contract's order. */

/** `spoken` is true where the contract rates the spoken voice "strong". */
export const languages = [
  { name: 'English', code: 'en', spoken: true },
  { name: 'Spanish', code: 'es', spoken: true },
  { name: 'French', code: 'fr', spoken: true },
  { name: 'German', code: 'de', spoken: true },
  { name: 'Italian', code: 'it', spoken: true },
  { name: 'Portuguese', code: 'pt', spoken: true },
  { name: 'Dutch', code: 'nl', spoken: false },
  { name: 'Polish', code: 'pl', spoken: false },
  { name: 'Russian', code: 'ru', spoken: false },
  { name: 'Ukrainian', code: 'uk', spoken: false },
  { name: 'Arabic', code: 'ar', spoken: true },
  { name: 'Hindi', code: 'hi', spoken: true },
  { name: 'Urdu', code: 'ur', spoken: false },
  { name: 'Punjabi', code: 'pa', spoken: false },
  { name: 'Bengali', code: 'bn', spoken: true },
  { name: 'Tamil', code: 'ta', spoken: true },
  { name: 'Telugu', code: 'te', spoken: true },
  { name: 'Marathi', code: 'mr', spoken: false },
  { name: 'Gujarati', code: 'gu', spoken: false },
  { name: 'Kannada', code: 'kn', spoken: false },
  { name: 'Malayalam', code: 'ml', spoken: false },
  { name: 'Odia', code: 'or', spoken: false },
  { name: 'Assamese', code: 'as', spoken: false },
  { name: 'Nepali', code: 'ne', spoken: false },
  { name: 'Tagalog', code: 'tl', spoken: false },
  { name: 'Vietnamese', code: 'vi', spoken: false },
  { name: 'Thai', code: 'th', spoken: false },
  { name: 'Indonesian', code: 'id', spoken: false },
  { name: 'Malay', code: 'ms', spoken: false },
  { name: 'Turkish', code: 'tr', spoken: false },
  { name: 'Greek', code: 'el', spoken: false },
  { name: 'Hebrew', code: 'he', spoken: false },
  { name: 'Swedish', code: 'sv', spoken: false },
  { name: 'Norwegian', code: 'no', spoken: false },
  { name: 'Danish', code: 'da', spoken: false },
  { name: 'Finnish', code: 'fi', spoken: false },
  { name: 'Czech', code: 'cs', spoken: false },
  { name: 'Romanian', code: 'ro', spoken: false },
  { name: 'Hungarian', code: 'hu', spoken: false },
  { name: 'Japanese', code: 'ja', spoken: true },
  { name: 'Korean', code: 'ko', spoken: false },
  { name: 'Chinese', code: 'zh', spoken: true },
] as const satisfies readonly { name: string; code: string; spoken: boolean }[];

export type Language = (typeof languages)[number];
export type LanguageName = Language['name'];

/** Finds a language by name, ignoring case, and returns its canonical entry. */
export function findLanguage(name: string): Language | undefined {
  const wanted = name.toLowerCase();
  return languages.find((language) => language.name.toLowerCase() === wanted);
}
