import control from '../../../src/controls/authorization/cognitoIdentityPoolNoGuests.js';
import { cases, tf } from '../../helpers/cases.js';

const tfPool = (args: string, mark = '') => `resource "aws_cognito_identity_pool" "app" {${mark}
  identity_pool_name = "app"
${args}
  cognito_identity_providers {
    client_id               = "6lhlkkfbfb4q5kpp90urffae"
    provider_name           = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Zr231apJu"
    server_side_token_check = true
  }
}
`;

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: false # <--\n",
    tf(tfPool('  allow_unauthenticated_identities = false # <--\n')),
    tf(tfPool('', ' # <--'), { name: 'not set: guests are not allowed' }),
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: true # <--\n",
    { name: "parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: 'true'\nResources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: !Ref P # <--\n" },
    tf(tfPool('  allow_unauthenticated_identities = true # <--\n')),
    tf(`variable "allow_guests" {
  type    = bool
  default = true
}

${tfPool('  allow_unauthenticated_identities = var.allow_guests # <--\n')}`, { name: 'from a variable default' }),
  ],
  unknown: [
    { name: "parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: !Ref P # <--\n" },
    tf(`variable "allow_guests" {
  type = bool
}

${tfPool('  allow_unauthenticated_identities = var.allow_guests # <--\n')}`, { name: 'from a variable without a value' }),
  ],
});
