# The rules govit applies to `submit_technical` (Art 6, 7, 8, 9, 10, 11, 12, 13,
# 15, 17, 37 of 《曲阜市政务信息化项目建设管理办法》), written as a Rego policy for
# the peer benchmark (regorus). It mirrors src/rules/review.rs and
# src/rules/security.rs; benches/peers/tests/differential.rs checks that both
# give the same set of rule ids on thousands of generated records.
#
# input: {"project": <project record>, "event": <submit_technical event>}, for a
# project past the structural gate (in scope, right state and actor).
package govit.technical

import rego.v1

project := input.project

event := input.event

# On file already, or filed with this event.
has_doc(kind) if object.get(project, ["documents", kind], null) != null

has_doc(kind) if kind in object.get(event, ["data", "documents"], [])

# Documents every technical review needs (Art 6, 7, 13).
required_docs := {
	"art06.construction_plan_missing": "construction_plan",
	"art06.crypto_plan_missing": "crypto_plan",
	"art07.secure_reliable_statement_missing": "secure_reliable_statement",
	"art13.data_sharing_plan_missing": "data_sharing_plan",
}

findings contains rule if {
	some rule, kind in required_docs
	not has_doc(kind)
}

# Art 17: the emergency route from draft needs the municipal decision.
findings contains "art17.emergency_decision_missing" if {
	object.get(project, "state", "draft") == "draft"
	object.get(project, "emergency", false) == true
	not has_doc("municipal_decision")
}

# The emergency route from draft skips demand review, so its demand is judged here
# (Art 6, 8, 15), as at submit_demand.
judges_demand if object.get(project, "state", "draft") == "draft"

blank(key) if {
	text := object.get(project, key, "")
	is_string(text)
	trim(text, " \t\n\r") == ""
}

blank(key) if object.get(project, key, "") == null

# Art 6: the demand states its basis, content, goals and budget.
findings contains "art06.demand_incomplete" if {
	judges_demand
	some key in ["basis", "content", "goals"]
	blank(key)
}

findings contains "art06.demand_incomplete" if {
	judges_demand
	not project.budget_yuan
}

findings contains "art06.demand_incomplete" if {
	judges_demand
	budget_fen <= 0
}

# Art 8: the demand is decided by the unit's Party committee (leading group).
findings contains "art08.party_committee_decision_missing" if {
	judges_demand
	not has_doc("party_committee_decision")
}

# Art 15: a cross-department project names its lead and co-building departments
# and files their overall plan.
co_departments := object.get(project, "co_departments", [])

findings contains "art15.joint_plan_missing" if {
	judges_demand
	object.get(project, "cross_department", false) == true
	joint_plan_incomplete
}

joint_plan_incomplete if blank("lead_department")

joint_plan_incomplete if every d in co_departments { trim(d, " \t\n\r") == "" }

joint_plan_incomplete if not has_doc("overall_plan")

# Money is exact in govit; here it is counted in fen (yuan x 100, two decimals
# at most), where the comparisons below are exact integers.
fen(x) := round(to_number(x) * 100)

budget_fen := fen(project.budget_yuan)

default security_fen := 0

security_fen := fen(project.security_budget_yuan)

# Art 6: 500万元及以上的重大项目需提供可行性研究报告.
findings contains "art06.feasibility_study_missing" if {
	budget_fen >= 500000000
	not has_doc("feasibility_study")
}

# Art 9: off the government cloud, state the security responsibility.
findings contains "art09.off_cloud_security_responsibility" if {
	object.get(project, "deploy_on_gov_cloud", true) == false
	not has_doc("security_responsibility_statement")
}

platforms := object.get(project, "platforms", [])

app_types := object.get(project, "app_types", [])

integrations := object.get(project, "integrations", [])

# Art 10: internal systems on Shandong-Tong; public ones on both public platforms.
findings contains "art10.internal_platform" if {
	project.audience == "internal"
	not "shandong_tong" in platforms
}

findings contains "art10.public_platform" if {
	project.audience == "public"
	some p in ["integrated_online_service", "ai_shandong"]
	not p in platforms
}

# Art 11: command, situational and algorithm applications should be shared.
findings contains "art11.shared_use_expected" if {
	object.get(project, "shared_use", false) == false
	some t in app_types
	t in {"command_dispatch", "situational_awareness", "intelligent_algorithm"}
}

# Art 12: law-enforcement supervision connects to Internet+Supervision.
findings contains "art12.supervision_integration_missing" if {
	"law_enforcement_supervision" in app_types
	not "internet_plus_supervision" in integrations
}

# Art 37: a new project's security budget is at least 5% of the total:
# security >= budget x 5%  <=>  security x 20 >= budget.
findings contains "art37.security_budget_below_5pct" if {
	object.get(project, "is_new", true) == true
	budget_fen > 0
	security_fen * 20 < budget_fen
}
