// The interface language, switchable at run time; defaults to the browser's, remembered between visits.
import { DICTIONARIES, format, languageFor, type Lang, type StringKey } from './strings';

const STORAGE_KEY = 'kubeville.lang';

class I18n {
  lang = $state<Lang>(initialLanguage());

  t = (key: StringKey, params?: Record<string, string | number>): string => format(DICTIONARIES[this.lang][key], params);

  set(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage may be off (private mode): the choice just lasts this visit.
    }
  }
}

function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // No storage: use the browser's language.
  }
  return languageFor(navigator.language);
}

export const i18n = new I18n();
