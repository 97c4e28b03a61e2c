using DisclosureCases.Similarity;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// Keeps the similar-case candidates of cases that have none (<see cref="SimilarCandidatesFill"/>): those received since
/// the last run and those whose description was edited, newest first, at most <see cref="Batch"/> per agency a run so
/// that a database seeded or imported without <c>disclosure similar fill</c> is caught up a little at a time; then brings
/// forward the lists case pages found far behind (<see cref="SimilarCandidatesFill.RefreshAsync"/>). Running it twice
/// computes nothing twice: a case that has a current list is skipped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SimilarCandidatesJob(SimilarCandidatesFill fill) : IJob
{
    /// <summary>Cases per agency and run: about 7 ms each at a million cases, so ~14 s of one core every five minutes.</summary>
    public const int Batch = 2000;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await fill.FillAsync(Batch, inMemory: false, workers: 1, report: null, cancellationToken)
            + await fill.RefreshAsync(Batch, cancellationToken);
}
