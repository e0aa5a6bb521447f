import type { StrapiApp } from '@strapi/strapi/admin';
import { FormattedMessage } from 'react-intl';
import { translations } from './i18n';

// Strapi's field descriptions (the hint under an input) are a single string per field, stored in
// the content manager's view configuration. Labels and list columns have translation keys
// (content-manager.content-types.<uid>.<field>, see i18n/en/medee.json), hints do not: this edit-view
// hook replaces the hint of every field that has a `medee.hint.<field>` message with that message,
// rendered in the interface language.

interface Field {
  name: string;
  hint?: unknown;
}
interface EditLayout {
  layout: Field[][][];
  components: Record<string, { layout: Field[][] }>;
}

const withHint = (field: Field): Field => {
  const id = `medee.hint.${field.name}`;
  if (!(id in translations.en)) return field;
  return { ...field, hint: <FormattedMessage id={id} defaultMessage={translations.en[id]} /> };
};

const localizeHints = ({ layout, ...rest }: { layout: EditLayout }) => ({
  ...rest,
  layout: {
    ...layout,
    layout: layout.layout.map((panel) => panel.map((row) => row.map(withHint))),
    components: Object.fromEntries(
      Object.entries(layout.components).map(([uid, component]) => [
        uid,
        { ...component, layout: component.layout.map((row) => row.map(withHint)) },
      ]),
    ),
  },
});

export function registerFieldHints(app: StrapiApp): void {
  app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', localizeHints);
}
