import { defaultLocale, localeDefinitions, locales } from '@medee/contract';
import type { Core } from '@strapi/strapi';

const STORE_KEY = 'locales-initialized';

/**
 * The contract's locales exist after every start, its default one as the CMS's default. On the
 * very first start only, the i18n plugin's own initial locale ("en") is removed unless the contract
 * lists it; later an editor may add locales and they are kept (the site ignores those it does not
 * serve).
 */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service('locales');
  const store = strapi.store({ type: 'plugin', name: 'medee' });

  for (const { code, englishName, nativeName } of localeDefinitions) {
    const locale = await service.findByCode(code);
    // Each language by its own name: editors read them in the admin whatever its interface language.
    // Earlier versions named them "Mongolian (mn)"; renamed unless an editor chose another name.
    if (!locale) await service.create({ code, name: nativeName }, { isDefault: false });
    else if (locale.name === `${englishName} (${code})`) await service.update({ id: locale.id }, { name: nativeName });
  }
  if ((await service.getDefaultLocale()) !== defaultLocale) {
    await service.setDefaultLocale({ code: defaultLocale });
  }

  if (!(await store.get({ key: STORE_KEY }))) {
    for (const locale of await service.find()) {
      if (!locales.includes(locale.code)) await service.delete({ id: locale.id });
    }
    await store.set({ key: STORE_KEY, value: true });
  }
}
