//! Every vocabulary of the contract (CONTRACT §3, §4) as a Rust enum.
//!
//! One macro defines them all, so each enum has the same surface: its exact
//! snake_case wire name (`as_str`), a Chinese label for messages (`zh`), the list
//! of all values (`ALL`), strict parsing (`parse`) and serde support whose error
//! lists the accepted values.

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal / $zh:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in contract order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The exact wire name.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The Chinese label used in zh-CN messages.
            pub const fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }

            /// Strict parse of the wire name.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// "a, b, c": the accepted wire names, for error messages.
            pub fn accepted() -> String {
                let names: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                names.join(", ")
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
                let text = String::deserialize(d)?;
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown {} `{}`; accepted: {}",
                        stringify!($name), text, $name::accepted()
                    ))
                })
            }
        }
    };
}

vocabulary! {
    /// Lifecycle states (CONTRACT §4).
    State {
        Draft = "draft" / "草稿",
        DemandReview = "demand_review" / "需求评审中",
        DemandApproved = "demand_approved" / "需求评审通过",
        TechnicalReview = "technical_review" / "技术评审中",
        TechnicalApproved = "technical_approved" / "技术评审通过",
        Approved = "approved" / "已立项",
        Budgeted = "budgeted" / "预算已批复",
        Procuring = "procuring" / "采购中",
        Awarded = "awarded" / "已发出中标（成交）通知书",
        Contracted = "contracted" / "已签订合同",
        Implementing = "implementing" / "实施中",
        ChangeReview = "change_review" / "变更审批中",
        PreliminaryAccepted = "preliminary_accepted" / "初步验收通过",
        FinalAcceptance = "final_acceptance" / "竣工验收中",
        Rectifying = "rectifying" / "整改中",
        Operating = "operating" / "运行中",
        Suspended = "suspended" / "已暂停",
        Terminated = "terminated" / "已终止",
    }
}

vocabulary! {
    /// Lifecycle events (CONTRACT §4).
    EventType {
        SubmitDemand = "submit_demand" / "提交需求评审",
        PassDemandReview = "pass_demand_review" / "需求评审通过",
        RejectDemandReview = "reject_demand_review" / "需求评审不通过",
        SubmitTechnical = "submit_technical" / "提交技术评审",
        PassTechnicalReview = "pass_technical_review" / "技术评审通过",
        RejectTechnicalReview = "reject_technical_review" / "技术评审不通过",
        Approve = "approve" / "立项",
        FileHigherLevel = "file_higher_level" / "上级部署项目备案入库",
        ApproveBudget = "approve_budget" / "批复预算",
        FileResponsibilityLetter = "file_responsibility_letter" / "备案项目建设主体责任书",
        StartProcurement = "start_procurement" / "组织采购",
        AwardBid = "award_bid" / "发出中标（成交）通知书",
        SignContract = "sign_contract" / "签订采购合同",
        FileContract = "file_contract" / "合同备案",
        StartImplementation = "start_implementation" / "开始实施",
        RequestChange = "request_change" / "提交调整申请",
        ApproveChange = "approve_change" / "批准调整",
        RejectChange = "reject_change" / "驳回调整",
        ReportProgress = "report_progress" / "备案建设进展",
        RequestExtension = "request_extension" / "申请延期验收",
        ApproveExtension = "approve_extension" / "批准延期验收",
        PassPreliminaryAcceptance = "pass_preliminary_acceptance" / "初步验收通过",
        ApplyFinalAcceptance = "apply_final_acceptance" / "提出竣工验收申请",
        PassFinalAcceptance = "pass_final_acceptance" / "竣工验收通过",
        FailFinalAcceptance = "fail_final_acceptance" / "竣工验收未通过",
        ResubmitFinalAcceptance = "resubmit_final_acceptance" / "重新提交竣工验收申请",
        SubmitSelfEvaluation = "submit_self_evaluation" / "报送年度自评价报告",
        CompletePostEvaluation = "complete_post_evaluation" / "完成后评价",
        RecordAssessment = "record_assessment" / "登记安全评估",
        RequestOmFunding = "request_om_funding" / "申请运行维护经费",
        OrderRectification = "order_rectification" / "下达限期整改",
        CompleteRectification = "complete_rectification" / "报告整改完成",
        NotifyCriticism = "notify_criticism" / "通报批评",
        DeferInvestment = "defer_investment" / "暂缓安排投资计划",
        Suspend = "suspend" / "暂停项目建设",
        Resume = "resume" / "恢复项目建设",
        Terminate = "terminate" / "终止项目",
    }
}

vocabulary! {
    /// Who acts (CONTRACT §3; Art 4).
    Role {
        ConstructionUnit = "construction_unit" / "项目建设单位",
        BigDataCenter = "big_data_center" / "市政府办公室（市大数据中心）",
        Finance = "finance" / "市财政局",
        Audit = "audit" / "市审计局",
        AdminApproval = "admin_approval" / "市行政审批服务局",
        Cyberspace = "cyberspace" / "市委网信办",
        Cryptography = "cryptography" / "市密码管理局",
        ThirdParty = "third_party" / "第三方检测评价机构",
    }
}

vocabulary! {
    /// Documents filed with events as `data.documents` (CONTRACT §3).
    DocumentKind {
        PartyCommitteeDecision = "party_committee_decision" / "党委（党组）会议集体研究决定",
        OverallPlan = "overall_plan" / "项目整体方案",
        ConstructionPlan = "construction_plan" / "项目建设方案",
        CryptoPlan = "crypto_plan" / "密码应用方案",
        FeasibilityStudy = "feasibility_study" / "可行性研究报告",
        SecureReliableStatement = "secure_reliable_statement" / "产品安全可靠情况说明",
        SecurityResponsibilityStatement = "security_responsibility_statement" / "网络安全和数据保护主体责任说明",
        DataSharingPlan = "data_sharing_plan" / "信息共享方案",
        MunicipalDecision = "municipal_decision" / "市委、市政府决策文件",
        ReviewOpinion = "review_opinion" / "评审意见",
        ResponsibilityLetter = "responsibility_letter" / "《项目建设主体责任书》",
        RectificationPlan = "rectification_plan" / "整改方案",
        AcceptanceOpinion = "acceptance_opinion" / "验收意见",
        SelfEvaluationReport = "self_evaluation_report" / "项目自评价报告",
        CryptoAssessment = "crypto_assessment" / "密码应用安全性评估报告",
        MlpsFiling = "mlps_filing" / "网络安全等级保护定级备案",
        RiskAssessment = "risk_assessment" / "网络与信息安全风险评估报告",
    }
}

vocabulary! {
    /// Funding sources that bring a system into scope (Art 2).
    Funding {
        GovernmentInvestment = "government_investment" / "政府投资建设",
        GovEnterpriseJoint = "gov_enterprise_joint" / "政府与企业联合建设",
        SpecialBond = "special_bond" / "政府专项债券建设",
        ServicePurchase = "service_purchase" / "政府向社会购买服务",
        GovFundedOm = "gov_funded_om" / "需要政府资金运行维护",
    }
}

vocabulary! {
    /// System categories (Art 2).
    Category {
        NetworkPlatform = "network_platform" / "电子政务网络平台",
        BusinessSystem = "business_system" / "业务信息系统",
        InfoResourceDb = "info_resource_db" / "信息资源库",
        SecurityInfrastructure = "security_infrastructure" / "信息安全基础设施",
        EgovInfrastructure = "egov_infrastructure" / "电子政务基础设施",
        StandardsSystem = "standards_system" / "电子政务标准化体系",
        SupportSystem = "support_system" / "相关支撑体系",
    }
}

vocabulary! {
    /// Platforms a system is built on (Art 10).
    Platform {
        ShandongTong = "shandong_tong" / "“山东通”平台",
        IntegratedOnlineService = "integrated_online_service" / "一体化在线政务服务平台",
        AiShandong = "ai_shandong" / "“爱山东”移动政务服务平台",
    }
}

vocabulary! {
    /// Application types with sharing or integration duties (Art 11, 12).
    AppType {
        CommandDispatch = "command_dispatch" / "指挥调度",
        SituationalAwareness = "situational_awareness" / "态势运行",
        IntelligentAlgorithm = "intelligent_algorithm" / "智能算法",
        LawEnforcementSupervision = "law_enforcement_supervision" / "执法监管",
    }
}

vocabulary! {
    /// Systems a project connects to (Art 12).
    Integration {
        InternetPlusSupervision = "internet_plus_supervision" / "省“互联网+监管”系统",
    }
}

vocabulary! {
    /// Who the system serves (Art 10).
    Audience {
        Internal = "internal" / "面向机关单位及公职人员",
        Public = "public" / "面向公众",
        None = "none" / "不直接提供服务",
    }
}

vocabulary! {
    /// Procurement methods (Art 28).
    ProcurementMethod {
        PublicTender = "public_tender" / "公开招标",
        InvitationalTender = "invitational_tender" / "邀请招标",
        CompetitiveNegotiation = "competitive_negotiation" / "竞争性谈判",
        CompetitiveConsultation = "competitive_consultation" / "竞争性磋商",
        SingleSource = "single_source" / "单一来源采购",
        Inquiry = "inquiry" / "询价",
        FrameworkAgreement = "framework_agreement" / "框架协议采购",
    }
}

vocabulary! {
    /// Projects organised by higher levels of government (Art 19).
    HigherLevel {
        National = "national" / "国家有关部委",
        Provincial = "provincial" / "省有关厅局",
    }
}

vocabulary! {
    /// Priority categories (Art 14).
    PriorityCategory {
        Pilot = "pilot" / "国家和省、市试点",
        Livelihood = "livelihood" / "民生保障",
        BusinessEnvironment = "business_environment" / "优化营商环境",
    }
}

vocabulary! {
    /// How serious a finding is (CONTRACT §3).
    Severity {
        Block = "block" / "阻断",
        Violation = "violation" / "违规",
        Warning = "warning" / "提示（应当）",
        Info = "info" / "信息",
    }
}

vocabulary! {
    /// Contract clauses (Art 29, 30), reported by `sign_contract` as `data.clauses`.
    Clause {
        Name = "name" / "项目名称",
        SubjectScope = "subject_scope" / "标的的内容、范围和要求",
        PerformancePlan = "performance_plan" / "履行的计划、地点和方式",
        Confidentiality = "confidentiality" / "技术信息和资料的保密",
        ResultOwnership = "result_ownership" / "技术成果的归属和收益的分配办法",
        AcceptanceCriteria = "acceptance_criteria" / "验收标准和方法",
        Glossary = "glossary" / "名词和术语的解释",
        IpOwnership = "ip_ownership" / "成果知识产权归属",
        DataOwnership = "data_ownership" / "数据及衍生数据归属",
        IpLiability = "ip_liability" / "违反知识产权条款的责任",
        ImplementationPeriod = "implementation_period" / "项目实施周期",
        WarrantyTerms = "warranty_terms" / "质保范围、期限和责任",
    }
}

vocabulary! {
    /// Periodic security assessments (Art 38, 39).
    AssessmentKind {
        CryptoAssessment = "crypto_assessment" / "密码应用安全性评估",
        MlpsAssessment = "mlps_assessment" / "网络安全等级保护测评",
        RiskAssessment = "risk_assessment" / "网络与信息安全风险评估",
    }
}

vocabulary! {
    /// Results of the third-party post-evaluation (Art 36).
    EvaluationResult {
        Excellent = "excellent" / "优秀",
        Good = "good" / "良好",
        Pass = "pass" / "合格",
        Poor = "poor" / "较差",
    }
}

vocabulary! {
    /// The approved attributes that only an approved change may alter (Art 33).
    BaselineAspect {
        Goals = "goals" / "建设目标",
        Location = "location" / "建设地点",
        Content = "content" / "主要建设内容",
        BudgetYuan = "budget_yuan" / "项目预算",
        PlannedCompletion = "planned_completion" / "建设进度（计划完成日期）",
    }
}

vocabulary! {
    /// Dates the kernel records as the project passes its milestones.
    Milestone {
        DemandSubmitted = "demand_submitted" / "提交需求评审",
        TechnicalSubmitted = "technical_submitted" / "提交技术评审",
        Approved = "approved" / "立项",
        BudgetApproved = "budget_approved" / "预算批复",
        ProcurementStarted = "procurement_started" / "组织采购",
        AwardNotice = "award_notice" / "中标（成交）通知书发出",
        ContractSigned = "contract_signed" / "合同签订",
        ContractFiled = "contract_filed" / "合同备案",
        ImplementationStarted = "implementation_started" / "开始实施",
        PreliminaryAccepted = "preliminary_accepted" / "初步验收通过",
        FinalAcceptanceApplied = "final_acceptance_applied" / "提出竣工验收申请",
        FinalAccepted = "final_accepted" / "竣工验收通过",
        Terminated = "terminated" / "项目终止",
    }
}

vocabulary! {
    /// Sanctions of Art 41.
    SanctionKind {
        Criticism = "criticism" / "通报批评",
        DeferredInvestment = "deferred_investment" / "暂缓安排投资计划",
        Suspension = "suspension" / "暂停项目建设",
        Termination = "termination" / "终止项目",
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
    /// Construction events that Art 44 forbids before 立项.
    pub fn is_construction(self) -> bool {
        matches!(
            self,
            EventType::StartProcurement
                | EventType::AwardBid
                | EventType::SignContract
                | EventType::FileContract
                | EventType::StartImplementation
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
