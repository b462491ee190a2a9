#pragma once
// A stack in an app of its own, and its template rendered in memory: what every L2 test starts from.

#include "aws_constructs/ec2_vpc.h"
#include "construct/app.h"
#include "construct/stack.h"
#include "template_assertions.h"

namespace heliocloud::testing {

struct TestStack {
  construct::App app;
  construct::Stack& stack = app.make<construct::Stack>("Test");

  Template synth() { return Template::from_stack(stack); }
  // A VPC for the constructs that need one (two public and two private subnets).
  aws_constructs::Vpc& vpc() {
    if (vpc_ == nullptr) vpc_ = &stack.make<aws_constructs::Vpc>("Vpc");
    return *vpc_;
  }

 private:
  aws_constructs::Vpc* vpc_ = nullptr;
};

}  // namespace heliocloud::testing
