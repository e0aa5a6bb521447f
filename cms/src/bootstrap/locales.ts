import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '../content-types';

// Each language by its own name: editors read them in the admin whatever its interface language.
const NAMES: Record<string, string> = { mn: 'Монгол', zh: '中文' };
/** What earlier versions named them; renamed at start unless an editor chose another name. */
const FORMER_NAMES: Record<string, string> = { mn: 'Mongolian (mn)', zh: 'Chinese (zh)' };
const STORE_KEY = 'locales-initialized';

/**
 * mn (default) and zh exist after every start. On the very first start only, the i18n plugin's
 * own initial locale ("en" when STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE was not set) is removed;
 * later an editor may add locales and they are kept.
 */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service('locales');
  const store = strapi.store({ type: 'plugin', name: 'medee' });

  for (const code of LOCALES) {
    const locale = await service.findByCode(code);
    if (!locale) await service.create({ code, name: NAMES[code] }, { isDefault: false });
    else if (locale.name === FORMER_NAMES[code]) await service.update({ id: locale.id }, { name: NAMES[code] });
  }
  if ((await service.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await service.setDefaultLocale({ code: DEFAULT_LOCALE });
  }

  if (!(await store.get({ key: STORE_KEY }))) {
    for (const locale of await service.find()) {
      if (!(LOCALES as readonly string[]).includes(locale.code)) await service.delete({ id: locale.id });
    }
    await store.set({ key: STORE_KEY, value: true });
  }
}
