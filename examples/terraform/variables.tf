# Example platform (Attest bundled example), the Terraform twin of ../platform: the same
# audit, identity, network, database and role resources, with the same deliberate gaps,
# written as one root module. The inputs CloudFormation takes as Parameters are variables
# with the same defaults; values a CloudFormation stack imports from another stack of the
# example are plain references here, and those made outside the example are data sources.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type        = string
  default     = "eu-west-1"
  description = "Region the platform is deployed to"
}

variable "environment" {
  type    = string
  default = "dev"
  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment is one of dev, staging, prod."
  }
}

variable "callback_url" {
  type    = string
  default = "https://console.example.com/callback"
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:eu-west-1:111122223333:certificate/00000000-0000-0000-0000-000000000000"
}

variable "access_log_bucket" {
  type    = string
  default = "platform-alb-access-logs"
}

variable "memory_arn" {
  type        = string
  default     = ""
  description = "ARN of the agent memory; leave empty to omit the memory policy"
}

# The account, partition and region Terraform runs in (CloudFormation's pseudo parameters).
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
}
