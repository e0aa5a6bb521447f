import type { StrapiApp } from '@strapi/strapi/admin';
import { FormattedMessage } from 'react-intl';
import { translations } from './i18n';

// Strapi's field descriptions (the hint under an input) are a single string per field, stored in
// the content manager's view configuration. Labels and list columns have translation keys
// (content-manager.content-types.<uid>.<field>, see i18n/en/medee.json), hints do not: this edit-view
// hook replaces the hint of every field that has a `medee.hint.<field>` message with that message,
// rendered in the interface language.

// Date fields: the design system's date picker names its calendar and its month and year selects
// for screen readers in English ("Choose date", "Month", "Year") unless given labels, which
// Strapi's date input does not give; the edit view passes a field's layout props through to it.
// Those are plain strings (aria-label), so they come from the interface language the admin keeps
// in local storage (changing it happens on the profile page, which remounts the edit view).

interface Field {
  name: string;
  type?: string;
  hint?: unknown;
  calendarLabel?: string;
  monthSelectLabel?: string;
  yearSelectLabel?: string;
}
interface EditLayout {
  layout: Field[][][];
  components: Record<string, { layout: Field[][] }>;
}

// Schedule fields: Strapi's date-time picker reads and writes the time in the browser's time zone,
// so the hint says which zone that is, next to the company's (UTC+8, Ulaanbaatar and Shanghai).
const SCHEDULE_FIELDS = new Set(['publishAt', 'unpublishAt']);
const COMPANY_OFFSET_MINUTES = 8 * 60;

const browserOffset = (): string => {
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
};

const TimeZoneNote = () =>
  -new Date().getTimezoneOffset() === COMPANY_OFFSET_MINUTES ? (
    <FormattedMessage
      id="medee.schedule.zone.company"
      defaultMessage={translations.en['medee.schedule.zone.company']}
    />
  ) : (
    <FormattedMessage
      id="medee.schedule.zone.other"
      defaultMessage={translations.en['medee.schedule.zone.other']}
      values={{ offset: browserOffset() }}
    />
  );

const withHint = (field: Field): Field => {
  const id = `medee.hint.${field.name}`;
  if (!(id in translations.en)) return field;
  const hint = <FormattedMessage id={id} defaultMessage={translations.en[id]} />;
  if (!SCHEDULE_FIELDS.has(field.name)) return { ...field, hint };
  return {
    ...field,
    hint: (
      <>
        {hint} <TimeZoneNote />
      </>
    ),
  };
};

type Language = keyof typeof translations;
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';

const interfaceLanguage = (): Language => {
  const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  return stored && stored in translations ? (stored as Language) : 'en';
};

const withDatePickerLabels = (field: Field): Field => {
  if (field.type !== 'date') return field;
  const strings = translations[interfaceLanguage()];
  return {
    ...field,
    calendarLabel: strings['medee.datePicker.calendar'],
    monthSelectLabel: strings['medee.datePicker.month'],
    yearSelectLabel: strings['medee.datePicker.year'],
  };
};

const localizeField = (field: Field): Field => withDatePickerLabels(withHint(field));

const localizeFields = ({ layout, ...rest }: { layout: EditLayout }) => ({
  ...rest,
  layout: {
    ...layout,
    layout: layout.layout.map((panel) => panel.map((row) => row.map(localizeField))),
    components: Object.fromEntries(
      Object.entries(layout.components).map(([uid, component]) => [
        uid,
        { ...component, layout: component.layout.map((row) => row.map(localizeField)) },
      ]),
    ),
  },
});

export function registerFieldHints(app: StrapiApp): void {
  app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', localizeFields);
}
