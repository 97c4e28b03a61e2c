using DisclosureCases.Domain.DataFiles;

namespace DisclosureCases.Workflow;

/// <summary>
/// A workflow definition is invalid. <see cref="Exception.Message"/> has one line per problem, e.g.
/// <c>workflows/application.yaml:42: transition 'register' goes to unknown state 'procesing'</c>.
/// </summary>
public sealed class WorkflowDefinitionException(IEnumerable<DataFileError> errors) : DataFileException(errors);
