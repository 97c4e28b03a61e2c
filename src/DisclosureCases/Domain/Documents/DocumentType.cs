namespace DisclosureCases.Domain.Documents;

/// <summary>
/// A kind of letter (文书) a case can produce (DOMAIN.md §5). Its <see cref="Id"/> is the name of its template under
/// <c>templates/</c> and the value of a <c>letter:</c> effect in a workflow definition.
/// </summary>
/// <param name="Id">Kebab-case id, e.g. <c>correction-notice</c>.</param>
/// <param name="Title">The document title printed on the letter, e.g. <c>补正告知书</c>.</param>
/// <param name="Basis">The article that requires or governs it, e.g. <c>第30条</c>; null for envelopes and lists.</param>
/// <param name="PerOutcome">True for the reply: there is one template per reply outcome (DOMAIN.md §5), chosen by the case's outcome.</param>
/// <param name="Line">Line of the entry in its file.</param>
public sealed record DocumentType(string Id, string Title, string? Basis, bool PerOutcome, int Line);
