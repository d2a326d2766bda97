import { deliverySuite } from './delivery.suite.js';

deliverySuite('sqlite');
