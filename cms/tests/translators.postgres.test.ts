import { describeTranslators } from './translators.suite';

describeTranslators('postgres');
