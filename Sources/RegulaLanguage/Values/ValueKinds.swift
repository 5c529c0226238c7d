import RegulaLearning

/// Every kind of value, in the order the reference lists their members.
enum ValueKinds {
    static let all: [any ValueKind.Type] = [
        Dataset.self, PenaltyValue.self, Prior.self, FitResult.self, PathResult.self, CrossValidation.self,
        NetworkBox.self, OptimizerSpecification.self, TrainingLog.self, GeometryResult.self, Timing.self,
        // Kinds without members.
        ModelSpecification.self, PenaltyCurve.self, QuadraticLoss.self, GroupPenalty.self, Control.self,
    ]
}
