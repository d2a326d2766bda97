import { instancesSuite } from './instances.suite.js';

instancesSuite('postgres');
