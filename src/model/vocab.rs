//! Every vocabulary of the contract (CONTRACT §3, §4) as a Rust enum.
//!
//! One macro defines them all, so each enum has the same surface: its exact
//! snake_case wire name (`as_str`), labels for people in Chinese (`zh`) and
//! English (`en`), the list of all values (`ALL`), strict parsing (`parse`), a
//! description for schemas and the lifecycle document (`VOCABULARY`), and serde
//! support whose error names the vocabulary in the domain's words and lists the
//! accepted values.

use super::decl::{Describe, Type, Vocabulary};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident $key:literal, $noun_zh:literal / $noun_en:literal {
        $($variant:ident = $text:literal / $zh:literal / $en:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in contract order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// What the vocabulary is, for schemas, docs and the lifecycle document.
            pub const VOCABULARY: Vocabulary = Vocabulary {
                key: $key,
                noun: $noun_zh,
                noun_en: $noun_en,
                values: &[$(($text, $zh, $en)),+],
            };

            /// The exact wire name.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The Chinese label used in zh-CN messages.
            pub const fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }

            /// The English label.
            pub const fn en(self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }

            /// Strict parse of the wire name.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_str(super::decl::VocabularyVisitor(&$name::VOCABULARY, $name::parse))
            }
        }

        impl Describe for $name {
            fn describe() -> Type {
                Type::Vocabulary(&$name::VOCABULARY)
            }
        }
    };
}

vocabulary! {
    /// Lifecycle states (CONTRACT §4).
    State "state", "项目状态" / "project state" {
        Draft = "draft" / "草稿" / "Draft",
        DemandReview = "demand_review" / "需求评审中" / "Demand under review",
        DemandApproved = "demand_approved" / "需求评审通过" / "Demand approved",
        TechnicalReview = "technical_review" / "技术评审中" / "Technical plan under review",
        TechnicalApproved = "technical_approved" / "技术评审通过" / "Technical plan approved",
        Approved = "approved" / "已立项" / "Approved (in the project library)",
        Budgeted = "budgeted" / "预算已批复" / "Budget approved",
        Procuring = "procuring" / "采购中" / "Procuring",
        Awarded = "awarded" / "已发出中标（成交）通知书" / "Award notice issued",
        Contracted = "contracted" / "已签订合同" / "Contract signed",
        Implementing = "implementing" / "实施中" / "Implementing",
        ChangeReview = "change_review" / "变更审批中" / "Change under review",
        PreliminaryAccepted = "preliminary_accepted" / "初步验收通过" / "Preliminary acceptance passed",
        FinalAcceptance = "final_acceptance" / "竣工验收中" / "Final acceptance under way",
        Rectifying = "rectifying" / "整改中" / "Rectifying after final acceptance",
        Operating = "operating" / "运行中" / "In operation",
        Suspended = "suspended" / "已暂停" / "Suspended",
        Terminated = "terminated" / "已终止" / "Terminated",
    }
}

vocabulary! {
    /// Lifecycle events (CONTRACT §4).
    EventType "event_type", "事项" / "event type" {
        SubmitDemand = "submit_demand" / "提交需求评审" / "Submit for demand review",
        PassDemandReview = "pass_demand_review" / "需求评审通过" / "Pass demand review",
        RejectDemandReview = "reject_demand_review" / "需求评审不通过" / "Reject at demand review",
        SubmitTechnical = "submit_technical" / "提交技术评审" / "Submit for technical review",
        PassTechnicalReview = "pass_technical_review" / "技术评审通过" / "Pass technical review",
        RejectTechnicalReview = "reject_technical_review" / "技术评审不通过" / "Reject at technical review",
        Approve = "approve" / "立项" / "Approve the project (立项)",
        FileHigherLevel = "file_higher_level" / "上级部署项目备案入库" / "File a higher-level project into the library",
        ApproveBudget = "approve_budget" / "批复预算" / "Approve the budget",
        FileResponsibilityLetter = "file_responsibility_letter" / "备案项目建设主体责任书" / "File the responsibility letter",
        StartProcurement = "start_procurement" / "组织采购" / "Start procurement",
        AwardBid = "award_bid" / "发出中标（成交）通知书" / "Issue the award notice",
        SignContract = "sign_contract" / "签订采购合同" / "Sign the contract",
        FileContract = "file_contract" / "合同备案" / "File the contract",
        StartImplementation = "start_implementation" / "开始实施" / "Start implementation",
        RequestChange = "request_change" / "提交调整申请" / "Request a change",
        ApproveChange = "approve_change" / "批准调整" / "Approve the change",
        RejectChange = "reject_change" / "驳回调整" / "Reject the change",
        ReportProgress = "report_progress" / "备案建设进展" / "File construction progress",
        RequestExtension = "request_extension" / "申请延期验收" / "Request an acceptance extension",
        ApproveExtension = "approve_extension" / "批准延期验收" / "Approve the acceptance extension",
        RejectExtension = "reject_extension" / "不予批准延期验收" / "Reject the acceptance extension",
        PassPreliminaryAcceptance = "pass_preliminary_acceptance" / "初步验收通过" / "Pass preliminary acceptance",
        ApplyFinalAcceptance = "apply_final_acceptance" / "提出竣工验收申请" / "Apply for final acceptance",
        DelegateFinalAcceptance = "delegate_final_acceptance" / "委托项目建设单位组织竣工验收" / "Delegate final acceptance to the construction unit",
        PassFinalAcceptance = "pass_final_acceptance" / "竣工验收通过" / "Pass final acceptance",
        FailFinalAcceptance = "fail_final_acceptance" / "竣工验收未通过" / "Fail final acceptance",
        ResubmitFinalAcceptance = "resubmit_final_acceptance" / "重新提交竣工验收申请" / "Resubmit for final acceptance",
        SubmitSelfEvaluation = "submit_self_evaluation" / "报送年度自评价报告" / "Submit the yearly self-evaluation",
        CommissionPostEvaluation = "commission_post_evaluation" / "委托第三方开展后评价" / "Commission the post-evaluation",
        CompletePostEvaluation = "complete_post_evaluation" / "完成后评价" / "Complete the post-evaluation",
        RecordAssessment = "record_assessment" / "登记安全评估" / "Record a security assessment",
        RequestOmFunding = "request_om_funding" / "申请运行维护经费" / "Request O&M funding",
        OrderRectification = "order_rectification" / "下达限期整改" / "Order rectification",
        CompleteRectification = "complete_rectification" / "报告整改完成" / "Report rectification done",
        ConfirmRectification = "confirm_rectification" / "确认整改结果" / "Confirm the rectification",
        NotifyCriticism = "notify_criticism" / "通报批评" / "Criticise publicly",
        DeferInvestment = "defer_investment" / "暂缓安排投资计划" / "Defer investment",
        Suspend = "suspend" / "暂停项目建设" / "Suspend construction",
        Resume = "resume" / "恢复项目建设" / "Resume construction",
        Terminate = "terminate" / "终止项目" / "Terminate the project",
    }
}

vocabulary! {
    /// Who acts (CONTRACT §3; Art 4).
    Role "role", "办理部门（角色）" / "role" {
        ConstructionUnit = "construction_unit" / "项目建设单位" / "Construction unit",
        BigDataCenter = "big_data_center" / "市政府办公室（市大数据中心）" / "Municipal big-data centre",
        Finance = "finance" / "市财政局" / "Municipal finance bureau",
        Audit = "audit" / "市审计局" / "Municipal audit bureau",
        AdminApproval = "admin_approval" / "市行政审批服务局" / "Administrative approval bureau",
        Cyberspace = "cyberspace" / "市委网信办" / "Cyberspace affairs office",
        Cryptography = "cryptography" / "市密码管理局" / "Cryptography administration",
        ThirdParty = "third_party" / "第三方检测评价机构" / "Third-party testing and evaluation body",
    }
}

vocabulary! {
    /// Documents filed with events as `data.documents` (CONTRACT §3).
    DocumentKind "document_kind", "材料" / "document" {
        PartyCommitteeDecision = "party_committee_decision" / "党委（党组）会议集体研究决定" / "Party committee (leading group) decision",
        OverallPlan = "overall_plan" / "项目整体方案" / "Overall plan",
        ConstructionPlan = "construction_plan" / "项目建设方案" / "Construction plan",
        CryptoPlan = "crypto_plan" / "密码应用方案" / "Cryptography application plan",
        FeasibilityStudy = "feasibility_study" / "可行性研究报告" / "Feasibility study",
        SecureReliableStatement = "secure_reliable_statement" / "产品安全可靠情况说明" / "Statement on secure and reliable products",
        SecurityResponsibilityStatement = "security_responsibility_statement" / "网络安全和数据保护主体责任说明" / "Statement of security and data-protection responsibility",
        DataSharingPlan = "data_sharing_plan" / "信息共享方案" / "Data-sharing plan",
        MunicipalDecision = "municipal_decision" / "市委、市政府决策文件" / "Decision of the municipal Party committee and government",
        ReviewOpinion = "review_opinion" / "评审意见" / "Review opinion",
        ResponsibilityLetter = "responsibility_letter" / "《项目建设主体责任书》" / "Construction responsibility letter",
        RectificationPlan = "rectification_plan" / "整改方案" / "Rectification plan",
        AcceptanceOpinion = "acceptance_opinion" / "验收意见" / "Acceptance opinion",
        SelfEvaluationReport = "self_evaluation_report" / "项目自评价报告" / "Self-evaluation report",
        CryptoAssessment = "crypto_assessment" / "密码应用安全性评估报告" / "Cryptography security assessment report",
        MlpsFiling = "mlps_filing" / "网络安全等级保护定级备案" / "MLPS grading filing",
        RiskAssessment = "risk_assessment" / "网络与信息安全风险评估报告" / "Security risk assessment report",
    }
}

vocabulary! {
    /// Funding sources that bring a system into scope (Art 2).
    Funding "funding", "资金来源" / "funding source" {
        GovernmentInvestment = "government_investment" / "政府投资建设" / "Government investment",
        GovEnterpriseJoint = "gov_enterprise_joint" / "政府与企业联合建设" / "Joint government-enterprise build",
        SpecialBond = "special_bond" / "政府专项债券建设" / "Government special bond",
        ServicePurchase = "service_purchase" / "政府向社会购买服务" / "Government service purchase",
        GovFundedOm = "gov_funded_om" / "需要政府资金运行维护" / "Government-funded O&M",
    }
}

vocabulary! {
    /// System categories (Art 2).
    Category "category", "项目类别" / "category" {
        NetworkPlatform = "network_platform" / "电子政务网络平台" / "E-government network platform",
        BusinessSystem = "business_system" / "业务信息系统" / "Business information system",
        InfoResourceDb = "info_resource_db" / "信息资源库" / "Information resource database",
        SecurityInfrastructure = "security_infrastructure" / "信息安全基础设施" / "Information security infrastructure",
        EgovInfrastructure = "egov_infrastructure" / "电子政务基础设施" / "E-government infrastructure",
        StandardsSystem = "standards_system" / "电子政务标准化体系" / "E-government standards",
        SupportSystem = "support_system" / "相关支撑体系" / "Supporting system",
    }
}

vocabulary! {
    /// Platforms a system is built on (Art 10).
    Platform "platform", "依托平台" / "platform" {
        ShandongTong = "shandong_tong" / "“山东通”平台" / "Shandong-Tong platform",
        IntegratedOnlineService = "integrated_online_service" / "一体化在线政务服务平台" / "Integrated online government service platform",
        AiShandong = "ai_shandong" / "“爱山东”移动政务服务平台" / "Ai Shandong mobile service platform",
    }
}

vocabulary! {
    /// Application types with sharing or integration duties (Art 11, 12).
    AppType "app_type", "应用类型" / "application type" {
        CommandDispatch = "command_dispatch" / "指挥调度" / "Command and dispatch",
        SituationalAwareness = "situational_awareness" / "态势运行" / "Situational awareness",
        IntelligentAlgorithm = "intelligent_algorithm" / "智能算法" / "Intelligent algorithm",
        LawEnforcementSupervision = "law_enforcement_supervision" / "执法监管" / "Law-enforcement supervision",
    }
}

vocabulary! {
    /// Systems a project connects to (Art 12).
    Integration "integration", "对接系统" / "integration" {
        InternetPlusSupervision = "internet_plus_supervision" / "省“互联网+监管”系统" / "Provincial Internet+Supervision system",
    }
}

vocabulary! {
    /// Who the system serves (Art 10).
    Audience "audience", "服务对象" / "audience" {
        Internal = "internal" / "面向机关单位及公职人员" / "Government units and staff",
        Public = "public" / "面向公众" / "The public",
        None = "none" / "不直接提供服务" / "No direct service",
    }
}

vocabulary! {
    /// Procurement methods (Art 28).
    ProcurementMethod "procurement_method", "采购方式" / "procurement method" {
        PublicTender = "public_tender" / "公开招标" / "Public tender",
        InvitationalTender = "invitational_tender" / "邀请招标" / "Invitational tender",
        CompetitiveNegotiation = "competitive_negotiation" / "竞争性谈判" / "Competitive negotiation",
        CompetitiveConsultation = "competitive_consultation" / "竞争性磋商" / "Competitive consultation",
        SingleSource = "single_source" / "单一来源采购" / "Single source",
        Inquiry = "inquiry" / "询价" / "Request for quotation",
        FrameworkAgreement = "framework_agreement" / "框架协议采购" / "Framework agreement",
    }
}

vocabulary! {
    /// Projects organised by higher levels of government (Art 19).
    HigherLevel "higher_level", "上级组织部门" / "higher level" {
        National = "national" / "国家有关部委" / "A national ministry",
        Provincial = "provincial" / "省有关厅局" / "A provincial department",
    }
}

vocabulary! {
    /// Priority categories (Art 14).
    PriorityCategory "priority_category", "优先支持类别" / "priority category" {
        Pilot = "pilot" / "国家和省、市试点" / "National, provincial or municipal pilot",
        Livelihood = "livelihood" / "民生保障" / "Livelihood",
        BusinessEnvironment = "business_environment" / "优化营商环境" / "Business environment",
    }
}

vocabulary! {
    /// How serious a finding is (CONTRACT §3).
    Severity "severity", "严重程度" / "severity" {
        Block = "block" / "阻断" / "Blocks the step",
        Violation = "violation" / "违规" / "Violation",
        Warning = "warning" / "提示（应当）" / "Warning (should)",
        Info = "info" / "信息" / "Information",
    }
}

vocabulary! {
    /// Contract clauses (Art 29, 30), reported by `sign_contract` as `data.clauses`.
    Clause "clause", "合同条款" / "contract clause" {
        Name = "name" / "项目名称" / "Project name",
        SubjectScope = "subject_scope" / "标的的内容、范围和要求" / "Subject, scope and requirements",
        PerformancePlan = "performance_plan" / "履行的计划、地点和方式" / "Plan, place and manner of performance",
        Confidentiality = "confidentiality" / "技术信息和资料的保密" / "Confidentiality of technical information",
        ResultOwnership = "result_ownership" / "技术成果的归属和收益的分配办法" / "Ownership of results and sharing of benefits",
        AcceptanceCriteria = "acceptance_criteria" / "验收标准和方法" / "Acceptance criteria and method",
        Glossary = "glossary" / "名词和术语的解释" / "Glossary",
        IpOwnership = "ip_ownership" / "成果知识产权归属" / "Intellectual-property ownership of results",
        DataOwnership = "data_ownership" / "数据及衍生数据归属" / "Ownership of data and derived data",
        IpLiability = "ip_liability" / "违反知识产权条款的责任" / "Liability for breaching IP clauses",
        ImplementationPeriod = "implementation_period" / "项目实施周期" / "Implementation period",
        WarrantyTerms = "warranty_terms" / "质保范围、期限和责任" / "Warranty scope, term and liability",
    }
}

vocabulary! {
    /// Periodic security assessments (Art 38, 39).
    AssessmentKind "assessment_kind", "评估类型" / "assessment kind" {
        CryptoAssessment = "crypto_assessment" / "密码应用安全性评估" / "Cryptography application security assessment",
        MlpsAssessment = "mlps_assessment" / "网络安全等级保护测评" / "MLPS (等级保护) assessment",
        RiskAssessment = "risk_assessment" / "网络与信息安全风险评估" / "Network and information security risk assessment",
    }
}

vocabulary! {
    /// Results of the third-party post-evaluation (Art 36).
    EvaluationResult "evaluation_result", "后评价结果" / "post-evaluation result" {
        Excellent = "excellent" / "优秀" / "Excellent",
        Good = "good" / "良好" / "Good",
        Pass = "pass" / "合格" / "Pass",
        Poor = "poor" / "较差" / "Poor",
    }
}

vocabulary! {
    /// The approved attributes that only an approved change may alter (Art 33).
    BaselineAspect "baseline_aspect", "调整事项" / "baseline aspect" {
        Goals = "goals" / "建设目标" / "Goals",
        Location = "location" / "建设地点" / "Location",
        Content = "content" / "主要建设内容" / "Main content",
        BudgetYuan = "budget_yuan" / "项目预算" / "Budget",
        PlannedCompletion = "planned_completion" / "建设进度（计划完成日期）" / "Schedule (planned completion)",
        SecurityBudgetYuan = "security_budget_yuan" / "网络安全预算" / "Cybersecurity budget",
        ProcurementMethod = "procurement_method" / "采购方式" / "Procurement method",
    }
}

vocabulary! {
    /// Dates the kernel records as the project passes its milestones.
    Milestone "milestone", "节点" / "milestone" {
        DemandSubmitted = "demand_submitted" / "提交需求评审" / "Demand submitted",
        TechnicalSubmitted = "technical_submitted" / "提交技术评审" / "Technical plan submitted",
        Approved = "approved" / "立项" / "Approved",
        BudgetApproved = "budget_approved" / "预算批复" / "Budget approved",
        ProcurementStarted = "procurement_started" / "组织采购" / "Procurement started",
        AwardNotice = "award_notice" / "中标（成交）通知书发出" / "Award notice issued",
        ContractSigned = "contract_signed" / "合同签订" / "Contract signed",
        ContractFiled = "contract_filed" / "合同备案" / "Contract filed",
        ImplementationStarted = "implementation_started" / "开始实施" / "Implementation started",
        PreliminaryAccepted = "preliminary_accepted" / "初步验收通过" / "Preliminary acceptance passed",
        FinalAcceptanceApplied = "final_acceptance_applied" / "提出竣工验收申请" / "Final acceptance applied for",
        FinalAcceptanceDelegated = "final_acceptance_delegated" / "委托项目建设单位组织竣工验收" / "Final acceptance delegated",
        FinalAccepted = "final_accepted" / "竣工验收通过" / "Final acceptance passed",
        Terminated = "terminated" / "项目终止" / "Terminated",
    }
}

vocabulary! {
    /// Sanctions of Art 41.
    SanctionKind "sanction_kind", "处理措施" / "sanction" {
        Criticism = "criticism" / "通报批评" / "Public criticism",
        DeferredInvestment = "deferred_investment" / "暂缓安排投资计划" / "Deferred investment",
        Suspension = "suspension" / "暂停项目建设" / "Suspension",
        Termination = "termination" / "终止项目" / "Termination",
    }
}

vocabulary! {
    /// What a day is, for working-day counting (Art 28).
    DayKind "day_kind", "日期类型" / "kind of day" {
        Weekday = "weekday" / "工作日" / "Weekday",
        Weekend = "weekend" / "周末" / "Weekend",
        Holiday = "holiday" / "法定节假日" / "Statutory holiday",
        AdjustedWorkday = "adjusted_workday" / "调休上班日" / "Adjusted working day",
    }
}

vocabulary! {
    /// The language of `message` (CONTRACT §2 `locale`).
    Locale "locale", "语言" / "locale" {
        ZhCn = "zh-CN" / "简体中文" / "Simplified Chinese",
        En = "en" / "英文" / "English",
    }
}

vocabulary! {
    /// The kind of an input error, mirroring the C ABI's `govit_status` (CONTRACT §2).
    ErrorCode "error_code", "错误类别" / "error code" {
        NullArgument = "null_argument" / "缺少必需的参数" / "A required pointer was NULL",
        InvalidUtf8 = "invalid_utf8" / "不是有效的 UTF-8 文本" / "Not valid UTF-8",
        InvalidJson = "invalid_json" / "不是格式正确的 JSON" / "Not well-formed JSON",
        InvalidInput = "invalid_input" / "内容不符合要求" / "Wrong shape or value",
        InputTooLarge = "input_too_large" / "输入过大" / "Input too large",
        Unsupported = "unsupported" / "不支持" / "Unsupported profile, schema or version",
        Internal = "internal" / "内部错误" / "Internal error (a bug)",
    }
}

vocabulary! {
    /// What `verify` can find wrong with a record's history (`docs/history.md`).
    ProblemCode "problem_code", "问题类别" / "problem code" {
        HashMismatch = "hash_mismatch" / "记录内容与哈希不符" / "An entry does not match its hash",
        EntryInvalid = "entry_invalid" / "历史记录无法读取" / "An entry cannot be read",
        SnapshotInvalid = "snapshot_invalid" / "属性快照无效" / "A snapshot is invalid",
        SeqGap = "seq_gap" / "历史记录缺失" / "Entries are missing",
        SeqNotIncreasing = "seq_not_increasing" / "历史记录顺序错误" / "Entries are out of order",
        ChainBroken = "chain_broken" / "哈希链断开" / "The hash chain is broken",
        InvalidTransition = "invalid_transition" / "状态转换不合规则" / "A transition the lifecycle does not allow",
        ActorNotPermitted = "actor_not_permitted" / "办理部门无权办理" / "An actor not permitted",
        DateOutOfOrder = "date_out_of_order" / "日期顺序错误" / "Dates out of order",
        StateAfterMismatch = "state_after_mismatch" / "记录的办理后状态不符" / "A recorded state that the event does not lead to",
        SnapshotMissing = "snapshot_missing" / "缺少属性快照" / "No snapshot to replay from",
        BaselineChanged = "baseline_changed" / "立项批复内容被修改" / "The approved baseline changed without an approved change",
        StateMismatch = "state_mismatch" / "项目状态与历史不符" / "The state differs from the history",
        KernelFieldMismatch = "kernel_field_mismatch" / "内核维护的字段与历史不符" / "Kernel-maintained fields differ from the history",
    }
}

impl Locale {
    /// The text for this locale.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }
}

impl State {
    /// `terminated` is final (Art 41).
    pub fn is_terminal(self) -> bool {
        self == State::Terminated
    }

    /// Before 立项: the project is not yet in the project library (Art 18, 44).
    pub fn is_before_approval(self) -> bool {
        matches!(
            self,
            State::Draft
                | State::DemandReview
                | State::DemandApproved
                | State::TechnicalReview
                | State::TechnicalApproved
        )
    }

    /// States in which the project is being built and can be suspended (Art 41).
    pub fn is_construction(self) -> bool {
        matches!(
            self,
            State::Approved
                | State::Budgeted
                | State::Procuring
                | State::Awarded
                | State::Contracted
                | State::Implementing
                | State::ChangeReview
                | State::PreliminaryAccepted
                | State::FinalAcceptance
                | State::Rectifying
        )
    }
}

impl EventType {
    /// A supervising department's act (Art 41, 42) or a refusal: neither is held up
    /// by what the construction unit edited, and neither advances the project.
    pub fn is_supervision_or_refusal(self) -> bool {
        matches!(
            self,
            EventType::RejectDemandReview
                | EventType::RejectTechnicalReview
                | EventType::RejectChange
                | EventType::RejectExtension
                | EventType::OrderRectification
                | EventType::ConfirmRectification
                | EventType::NotifyCriticism
                | EventType::DeferInvestment
                | EventType::Suspend
                | EventType::Terminate
        )
    }
}

impl AssessmentKind {
    /// The document filed by an assessment of this kind, if any.
    pub fn document(self) -> Option<DocumentKind> {
        match self {
            AssessmentKind::CryptoAssessment => Some(DocumentKind::CryptoAssessment),
            AssessmentKind::RiskAssessment => Some(DocumentKind::RiskAssessment),
            AssessmentKind::MlpsAssessment => None,
        }
    }
}
