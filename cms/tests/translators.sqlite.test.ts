import { describeTranslators } from './translators.suite';

describeTranslators('sqlite');
