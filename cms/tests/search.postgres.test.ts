import { searchSuite } from './search.suite';

searchSuite('postgres');
