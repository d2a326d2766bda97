import { instancesSuite } from './instances.suite.js';

instancesSuite('sqlite');
