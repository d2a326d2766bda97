import control from '../../../src/controls/network/opensearchInVpc.js';
import { cases, tf } from '../../helpers/cases.js';
import { domain, marked, tfDomain, tfVar } from '../builders/opensearch.js';

export default cases(control, {
  pass: [
    { name: 'domain in two private subnets', template: domain(`      VPCOptions:
        SubnetIds: [subnet-0a1b2c3d, subnet-0e5f6a7b] # <--
        SecurityGroupIds: [sg-0123456789abcdef0]`) },
    tf(tfDomain(`  vpc_options {
    subnet_ids         = ["subnet-0a1b2c3d", "subnet-0e5f6a7b"] # <--
    security_group_ids = ["sg-0123456789abcdef0"]
  }`), { name: 'vpc_options with subnet_ids' }),
  ],
  fail: [
    { name: 'no VPCOptions: public endpoint', template: marked(domain('      DomainName: search')) },
    tf(marked(tfDomain('')), { name: 'no vpc_options block' }),
    tf(marked(tfDomain('', { legacy: true })), { name: 'aws_elasticsearch_domain without vpc_options' }),
  ],
  unknown: [
    { name: 'subnets from a parameter without default', template: domain(`      VPCOptions:
        SubnetIds: !Ref Subnets # <--`, { before: 'Parameters:\n  Subnets: { Type: CommaDelimitedList }\n' }) },
    tf(tfDomain(`  vpc_options {
    subnet_ids = var.subnet_ids # <--
  }`, { before: tfVar('subnet_ids', 'list(string)') }), { name: 'subnet_ids from a variable without a value' }),
  ],
});
