using Microsoft.Extensions.Options;

namespace DisclosureCases.Web;

/// <summary>Settings that can say what is wrong with them, each problem naming the setting and the rule.</summary>
public interface IHasProblems
{
    IEnumerable<string> Problems();
}

/// <summary>Fails options validation (at start-up, with <c>ValidateOnStart</c>) with the settings' own messages.</summary>
public sealed class OptionsProblems<T> : IValidateOptions<T> where T : class, IHasProblems
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
