import type { LocalePack } from './locale-packs';

// What browser bundles get for `@medee/contract/locale-packs` (the "browser" export condition):
// locale packs are read from disk on the servers only.

export type { LocalePack };
export const localePacks = (): LocalePack[] => [];
export const readPackFile = (_code: string, _name: string): unknown => undefined;
