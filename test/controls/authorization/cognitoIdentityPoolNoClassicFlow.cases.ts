import control from '../../../src/controls/authorization/cognitoIdentityPoolNoClassicFlow.js';
import { cases, tf } from '../../helpers/cases.js';

const tfPool = (args: string, mark = '') => `resource "aws_cognito_identity_pool" "app" {${mark}
  identity_pool_name               = "app"
  allow_unauthenticated_identities = false
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
    "Resources:\n  X: # <--\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: false\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: false\n      AllowClassicFlow: false # <--\n",
    tf(tfPool('', ' # <--'), { name: 'not set: the classic flow is off' }),
    tf(tfPool('  allow_classic_flow               = false # <--\n')),
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: false\n      AllowClassicFlow: true # <--\n",
    tf(tfPool('  allow_classic_flow               = true # <--\n')),
  ],
  unknown: [
    { name: 'parameter without default', template: "Parameters:\n  Classic: { Type: String }\nResources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: false\n      AllowClassicFlow: !Ref Classic # <--\n" },
    tf(`variable "classic_flow" {
  type = bool
}

${tfPool('  allow_classic_flow               = var.classic_flow # <--\n')}`, { name: 'from a variable without a value' }),
  ],
});
