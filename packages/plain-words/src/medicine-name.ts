// A medicine's name as the reader sees it. RxNorm names a clinical drug "ingredient strength dose
// form" ("lisinopril 10 MG Oral Tablet", "… Oral Tablet [Zestril]"); in Spanish the dose form is
// said in Spanish and the rest stays as written (drug names and strengths read the same).
import { doseFormsEs } from './content/dose-forms.js';
import type { Locale } from './plain-name.js';

const longestForm = Math.max(...Object.keys(doseFormsEs).map((f) => f.split(' ').length));

/** The name with its RxNorm dose form in the reader's language; as written when the form is not known. */
export function medicineName(name: string, locale: Locale): string {
  if (locale === 'en') return name;
  // A brand in brackets comes after the form: "… Oral Tablet [Zestril]".
  const brand = /\s*(\[[^\]]*\])\s*$/.exec(name);
  const head = brand ? name.slice(0, brand.index) : name;
  const words = head.trim().split(/\s+/);
  for (let n = Math.min(longestForm, words.length - 1); n >= 1; n--) {
    const form = doseFormsEs[words.slice(-n).join(' ').toLowerCase()];
    if (form) return `${[...words.slice(0, -n), form].join(' ')}${brand ? ` ${brand[1]}` : ''}`;
  }
  return name;
}
