import { describeContentApi } from './content-api.suite';

describeContentApi('sqlite');
