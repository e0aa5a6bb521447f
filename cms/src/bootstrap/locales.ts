import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '../content-types';

const NAMES: Record<string, string> = { mn: 'Mongolian (mn)', zh: 'Chinese (zh)' };
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
    if (!(await service.findByCode(code))) {
      await service.create({ code, name: NAMES[code] }, { isDefault: false });
    }
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
