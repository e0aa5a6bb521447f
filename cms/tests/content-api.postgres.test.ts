import { describeContentApi } from './content-api.suite';

describeContentApi('postgres');
