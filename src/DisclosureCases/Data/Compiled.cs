using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DisclosureCases.Data;

/// <summary>
/// A query that every page view runs, compiled once (<c>EF.CompileAsyncQuery</c>): it skips what EF Core does for each
/// LINQ query it is handed — building the expression, extracting its parameters, finding it in the query cache — which
/// on a case page of about twenty queries was a tenth of the request's time (docs/benchmarks.md). EF Core ties a
/// compiled query to the model it first ran with and refuses another; the application has several (one per provider,
/// each in an agency's and an all-agencies variant, <see cref="ScopedModelCacheKeyFactory"/>), so one is compiled for
/// each model met. Agency filters still apply: they are part of the model's query and read from the context each run.
/// </summary>
/// <typeparam name="TQuery">The delegate <c>EF.CompileAsyncQuery</c> returns.</typeparam>
public sealed class Compiled<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DisclosureDbContext db) => _byModel.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
