# Identity: Cognito user pool, resource server scopes, groups, a web client and a
# machine-to-machine client (../platform/cognito.yaml).

# Kept when it leaves the configuration or would be replaced (DeletionPolicy and
# UpdateReplacePolicy Retain in the CloudFormation example).
resource "aws_cognito_user_pool" "main" {
  name = "platform-${var.environment}-users"

  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  password_policy {
    minimum_length                   = 12
    require_uppercase                = true
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 3
  }

  # MFA is optional: users may skip it (a deliberate gap in this example)
  mfa_configuration = "OPTIONAL"
  software_token_mfa_configuration {
    enabled = true
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }

  deletion_protection = var.environment == "prod" ? "ACTIVE" : "INACTIVE"

  tags = {
    "platform:component" = "identity"
  }

  lifecycle {
    prevent_destroy = true
  }
}

locals {
  scopes = {
    "agent:read"        = "Read agents"
    "agent:write"       = "Create and update agents"
    "agent:execute"     = "Invoke agents"
    "agent:delete"      = "Delete agents"
    "memory:read"       = "Read memories"
    "memory:write"      = "Write memories"
    "security:read"     = "Read the compliance report"
    "security:write"    = "Manage roles and credentials"
    "settings:read"     = "Read tag policies"
    "settings:write"    = "Change tag policies"
    "admin:read"        = "Read audit analytics"
    "admin:write"       = "Administer users"
    "credentials:read"  = "List credential metadata"
    "credentials:write" = "Store credentials"
  }
  api = aws_cognito_resource_server.platform.identifier
}

resource "aws_cognito_resource_server" "platform" {
  user_pool_id = aws_cognito_user_pool.main.id
  identifier   = "platform"
  name         = "Platform API"

  dynamic "scope" {
    for_each = local.scopes
    content {
      scope_name        = scope.key
      scope_description = scope.value
    }
  }
}

resource "aws_cognito_user_group" "admin" {
  user_pool_id = aws_cognito_user_pool.main.id
  name         = "t-admin"
  description  = "Platform administrators (all scopes)"
  precedence   = 0
}

resource "aws_cognito_user_group" "user" {
  user_pool_id = aws_cognito_user_pool.main.id
  name         = "t-user"
  description  = "Builders (read, write and execute agents)"
  precedence   = 10
}

resource "aws_cognito_user_group" "demo" {
  user_pool_id = aws_cognito_user_pool.main.id
  name         = "g-demo"
  description  = "Demo users see only resources tagged group=demo"
  precedence   = 20
}

resource "aws_cognito_user_pool_client" "web" {
  user_pool_id    = aws_cognito_user_pool.main.id
  name            = "web"
  generate_secret = false
  # USER_PASSWORD_AUTH sends the password to Cognito; SRP would not (a gap)
  explicit_auth_flows                  = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email", "${local.api}/agent:read", "${local.api}/agent:write", "${local.api}/agent:execute", "${local.api}/security:read"]
  callback_urls                        = [var.callback_url]
  supported_identity_providers         = ["COGNITO"]
  access_token_validity                = 60
  id_token_validity                    = 60
  refresh_token_validity               = 30
  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}

resource "aws_cognito_user_pool_client" "m2m" {
  user_pool_id                         = aws_cognito_user_pool.main.id
  name                                 = "ci-automation"
  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = ["${local.api}/agent:read", "${local.api}/agent:execute"]
  prevent_user_existence_errors        = "ENABLED"
  access_token_validity                = 1
  token_validity_units {
    access_token = "hours"
  }
}

output "user_pool_id" {
  value = aws_cognito_user_pool.main.id
}
