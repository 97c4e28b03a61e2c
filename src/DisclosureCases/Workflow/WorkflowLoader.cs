using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DisclosureCases.Domain.DataFiles;
using YamlDotNet.RepresentationModel;
using Mapping = DisclosureCases.Domain.DataFiles.YamlDataReader.Mapping;

namespace DisclosureCases.Workflow;

/// <summary>
/// Reads and validates workflow definitions (format: <c>workflows/README.md</c>). Every problem is collected and
/// reported with its file and line in one <see cref="WorkflowDefinitionException"/>.
/// </summary>
/// <remarks>
/// Checked: malformed YAML (at the parser's position); unknown keys; <c>kind: workflow</c>, kebab-case <c>id</c>,
/// <c>version</c> ≥ 1, <c>title</c>.
/// States: unique kebab-case names, known kind, known deadline keys, exactly one initial and at least one final
/// state, read-only only on a final state, every state reachable from the initial one, no final state with an
/// outgoing transition and no other state without one.
/// Transitions: known from/to states, unique (state, trigger) pairs, known roles, at most one primary per state.
/// Fields: known type, rules that fit the type, options for (and only for) choice fields, known excluded outcomes.
/// Guards: known conditions, each with a message.
/// Effects: known kind, clock event, document id, case field and outcome; a field an effect reads is declared,
/// required, and of the right type (a date for a clock, an outcome for <c>set: outcome</c>); <c>when</c> names a choice
/// field and one of its values; <c>archive</c> only into a final state.
/// The graph checks (reachability, dead ends) run only once every transition could be read and names known states, so
/// that one typo does not also report every state behind it as unreachable.
/// The result depends on nothing but the text and the vocabulary, so an old version re-parsed from stored text gives
/// the same definition.
/// </remarks>
public static partial class WorkflowLoader
{
    internal static readonly string[] TopKeys = ["kind", "id", "version", "title", "states", "transitions"];
    internal static readonly string[] StateKeys = ["name", "title", "kind", "readOnly", "deadlines"];
    internal static readonly string[] TransitionKeys = ["trigger", "title", "from", "to", "roles", "primary", "fields", "guards", "effects"];
    internal static readonly string[] FieldKeys = ["name", "label", "type", "required", "hint", "options", "rules", "exclude"];
    internal static readonly string[] OptionKeys = ["value", "label"];
    internal static readonly string[] GuardKeys = ["condition", "message"];
    internal static readonly string[] WhenKeys = ["field", "equals"];
    internal static readonly string[] PlainEffects = ["assign-case-number", "archive"];

    internal static readonly IReadOnlyDictionary<string, string[]> EffectKeys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["clock"] = ["clock", "date", "when"],
        ["letter"] = ["letter", "when"],
        ["set"] = ["set", "from", "value", "when"],
    };

    internal static readonly IReadOnlyDictionary<string, StateKind> StateKinds = new Dictionary<string, StateKind>(StringComparer.Ordinal)
    {
        ["initial"] = StateKind.Initial,
        ["normal"] = StateKind.Normal,
        ["final"] = StateKind.Final,
    };

    internal static readonly IReadOnlyDictionary<string, FieldType> FieldTypes = new Dictionary<string, FieldType>(StringComparer.Ordinal)
    {
        ["text"] = FieldType.Text,
        ["textarea"] = FieldType.Textarea,
        ["date"] = FieldType.Date,
        ["choice"] = FieldType.Choice,
        ["outcome"] = FieldType.Outcome,
        ["user"] = FieldType.User,
        ["number"] = FieldType.Number,
    };

    internal static readonly IReadOnlyDictionary<string, (FieldRule Rule, FieldType AppliesTo)> FieldRules =
        new Dictionary<string, (FieldRule, FieldType)>(StringComparer.Ordinal)
        {
            ["not-in-future"] = (FieldRule.NotInFuture, FieldType.Date),
            ["after-today"] = (FieldRule.AfterToday, FieldType.Date),
            ["positive"] = (FieldRule.Positive, FieldType.Number),
        };

    /// <summary>
    /// Parses and validates one definition from its text. <paramref name="sourceName"/> is how errors name the file
    /// (<c>workflows/application.yaml</c>); it is also kept as <see cref="WorkflowDefinition.SourceName"/>.
    /// </summary>
    /// <exception cref="WorkflowDefinitionException">Every problem found, each as <c>source:line: message</c>.</exception>
    public static WorkflowDefinition Parse(string yamlText, string sourceName, WorkflowVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var reader = new YamlDataReader(sourceName);
        // A byte-order mark is not content (File.ReadAllText drops it; text stored elsewhere may keep it), and
        // YamlDotNet would read it as part of the first key.
        var text = yamlText.StartsWith('\uFEFF') ? yamlText[1..] : yamlText;
        var definition = new DefinitionParser(reader, vocabulary).Parse(text, ContentHashOf(text));
        reader.ThrowIfAny(errors => new WorkflowDefinitionException(errors));
        return definition ?? throw new InvalidOperationException("The parser returned no definition but reported no error.");
    }

    /// <summary>Loads one definition file; errors name it by folder and file (<c>workflows/application.yaml</c>).</summary>
    /// <exception cref="WorkflowDefinitionException">Every problem found.</exception>
    public static WorkflowDefinition LoadFile(string path, WorkflowVocabulary vocabulary) =>
        Parse(File.ReadAllText(path), DataFileNames.SourceName(path), vocabulary);

    /// <summary>
    /// Loads every definition in <paramref name="workflowsDir"/>: the <c>*.yaml</c> files directly in it (not in
    /// sub-folders such as <c>calendar/</c>) that carry a top-level <c>kind: workflow</c> line, in file-name order.
    /// Other YAML files (<c>outcomes.yaml</c>) are skipped, except that a file with top-level <c>states:</c> or
    /// <c>transitions:</c> but no marker is an error, so a definition cannot be skipped by forgetting the marker.
    /// Two files defining the same (id, version) are an error. A folder without definitions gives an empty list.
    /// </summary>
    /// <exception cref="WorkflowDefinitionException">Every problem in every file.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<WorkflowDefinition> LoadDirectory(string workflowsDir, WorkflowVocabulary vocabulary)
    {
        if (!Directory.Exists(workflowsDir))
            throw new DirectoryNotFoundException($"Workflow folder not found: {workflowsDir}");
        var definitions = new List<WorkflowDefinition>();
        var errors = new List<DataFileError>();
        var files = Directory.EnumerateFiles(workflowsDir, "*.yaml", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            var source = DataFileNames.SourceName(path);
            if (!IsDefinitionText(text))
            {
                if (LooksLikeDefinition().Match(text) is { Success: true } match)
                    errors.Add(new DataFileError(source, LineAt(text, match.Index),
                        "the file has workflow keys but no 'kind: workflow' line; add it so that it is loaded as a definition"));
                continue;
            }
            try
            {
                var definition = Parse(text, source, vocabulary);
                if (definitions.FirstOrDefault(d => d.Id == definition.Id && d.Version == definition.Version) is { } twin)
                    errors.Add(new DataFileError(source, definition.VersionLine,
                        $"workflow '{definition.Id}' version {definition.Version} is already defined in {twin.SourceName}"));
                else
                    definitions.Add(definition);
            }
            catch (WorkflowDefinitionException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);
        return definitions;
    }

    /// <summary>True when the text has a top-level <c>kind: workflow</c> line (how <see cref="LoadDirectory"/> recognises a definition).</summary>
    public static bool IsDefinitionText(string text) => DefinitionMarker().IsMatch(text);

    /// <summary>
    /// The SHA-256 (lower-case hex) of <paramref name="text"/> as UTF-8 after dropping a leading byte-order mark and
    /// turning <c>\r\n</c> and lone <c>\r</c> into <c>\n</c>: a checkout with Windows line endings hashes the same.
    /// Trailing whitespace and comments are part of the text: any other edit changes the hash.
    /// </summary>
    public static string ContentHashOf(string text)
    {
        var normalized = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    static int LineAt(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

    [GeneratedRegex(@"^kind:[ \t]*([""']?)workflow\1[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex DefinitionMarker();

    [GeneratedRegex(@"^(states|transitions):", RegexOptions.Multiline)]
    private static partial Regex LooksLikeDefinition();

    /// <summary>One parse: checks references as it goes (states are read before transitions), the graph at the end.</summary>
    sealed class DefinitionParser(YamlDataReader reader, WorkflowVocabulary vocabulary)
    {
        readonly Dictionary<string, WorkflowState> states = new(StringComparer.Ordinal);
        readonly Dictionary<(string State, string Trigger), int> triggerLines = [];
        readonly Dictionary<string, (string Trigger, int Line)> primaryByState = new(StringComparer.Ordinal);
        int unknownStateNamed;

        public WorkflowDefinition? Parse(string text, string contentHash)
        {
            if (reader.LoadRoot(text, TopKeys) is not { } root) return null;

            var kind = root.String("kind");
            if (kind is null)
                reader.Error(root.Line, "the file is not marked as a workflow definition: add 'kind: workflow' at the top");
            else if (kind != "workflow")
                reader.Error(root.Blame("kind"), $"'kind' should be 'workflow', not '{kind}'");

            var id = root.RequiredString("id");
            if (id is not null && !YamlDataReader.IsKebab(id))
                reader.Error(root.Blame("id"), $"workflow id '{id}' should be kebab-case (lower-case words joined by '-')");
            var version = root.Int("version");
            if (version is null && root.String("version") is null)
                reader.Error(root.Blame("version"), "the top level is missing 'version'");
            else if (version < 1)
                reader.Error(root.Blame("version"), $"'version' should be 1 or more, not {version}");
            var title = root.RequiredString("title");

            var stateNodes = root.List("states");
            if (stateNodes.Count == 0)
                reader.Error(root.BlameKey("states"), "the file defines no states under 'states:'");
            foreach (var node in stateNodes)
                ParseState(node);
            CheckInitialAndFinal(root.BlameKey("states"));

            var transitions = new List<WorkflowTransition>();
            var transitionNodes = root.List("transitions");
            foreach (var node in transitionNodes)
                if (ParseTransition(node) is { } transition)
                    transitions.Add(transition);

            // A transition that names an unknown state or could not be read has been reported already; the graph
            // checks would only add noise ("cannot be reached") about states that the corrected transition reaches.
            if (unknownStateNamed == 0 && transitions.Count == transitionNodes.Count)
                CheckGraph(transitions);

            var ordered = states.Values.OrderBy(s => s.Line).ToList();
            return reader.Errors.Count > 0 || id is null || version is null || title is null
                ? null
                : new WorkflowDefinition(id, version.Value, title, ordered, transitions, reader.Source, contentHash,
                    YamlDataReader.LineOf(root.Blame("version")));
        }

        void ParseState(YamlNode node)
        {
            if (reader.Map(node, Named("state", node, "name"), StateKeys) is not { } map) return;
            var name = map.RequiredString("name");
            var what = name is null ? "a state" : $"state '{name}'";
            if (name is not null && !YamlDataReader.IsKebab(name))
                reader.Error(map.Blame("name"), $"state name '{name}' should be kebab-case (lower-case words joined by '-')");
            var title = map.RequiredString("title");

            var kind = StateKind.Normal;
            if (map.String("kind") is { } kindText && !StateKinds.TryGetValue(kindText, out kind))
                reader.Error(map.Blame("kind"), $"{what} has unknown kind '{kindText}' (known: {string.Join(", ", StateKinds.Keys)})");
            var readOnly = map.Bool("readOnly", false);
            // A read-only case can never change, so it can never leave: only an end state may be read-only.
            if (readOnly && kind != StateKind.Final)
                reader.Error(map.Blame("readOnly"), $"{what} is read-only but not final; only a final state can be read-only");

            var deadlines = new List<string>();
            foreach (var (deadline, deadlineNode) in map.OneOrMany("deadlines"))
            {
                if (!vocabulary.Deadlines.Contains(deadline))
                    reader.Error(deadlineNode, $"{what} watches unknown deadline '{deadline}' (known: {Known(vocabulary.Deadlines)})");
                else if (deadlines.Contains(deadline))
                    reader.Error(deadlineNode, $"{what} lists deadline '{deadline}' twice");
                else
                    deadlines.Add(deadline);
            }

            if (name is null || title is null) return;
            if (states.TryGetValue(name, out var first))
            {
                reader.Error(map.Blame("name"), $"state '{name}' is defined twice (first on line {first.Line})");
                return;
            }
            states[name] = new WorkflowState(name, title, kind, readOnly, deadlines, map.Line);
        }

        void CheckInitialAndFinal(YamlNode statesNode)
        {
            if (states.Count == 0) return;
            var initials = states.Values.Where(s => s.IsInitial).OrderBy(s => s.Line).ToList();
            if (initials.Count == 0)
                reader.Error(statesNode, "no state is marked 'kind: initial'; a definition has exactly one initial state");
            foreach (var extra in initials.Skip(1))
                reader.Error(extra.Line,
                    $"state '{extra.Name}' is marked initial, but so is '{initials[0].Name}' (line {initials[0].Line}); a definition has exactly one initial state");
            if (!states.Values.Any(s => s.IsFinal))
                reader.Error(statesNode, "no state is marked 'kind: final'; a case must be able to end");
        }

        WorkflowTransition? ParseTransition(YamlNode node)
        {
            if (reader.Map(node, Named("transition", node, "trigger"), TransitionKeys) is not { } map) return null;
            var trigger = map.RequiredString("trigger");
            var what = trigger is null ? "a transition" : $"transition '{trigger}'";
            if (trigger is not null && !YamlDataReader.IsKebab(trigger))
                reader.Error(map.Blame("trigger"), $"trigger '{trigger}' should be kebab-case (lower-case words joined by '-')");
            var title = map.RequiredString("title");
            var primary = map.Bool("primary", false);

            var from = new List<string>();
            var fromValues = map.OneOrMany("from");
            if (fromValues.Count == 0)
                reader.Error(map.Blame("from"), $"{what} is missing 'from'");
            foreach (var (state, stateNode) in fromValues)
            {
                if (from.Contains(state))
                {
                    reader.Error(stateNode, $"{what} lists state '{state}' twice in 'from'");
                    continue;
                }
                from.Add(state);
                if (!states.TryGetValue(state, out var source))
                {
                    reader.Error(stateNode, $"{what} starts from unknown state '{state}'");
                    unknownStateNamed++;
                    continue;
                }
                if (source.IsFinal)
                    reader.Error(stateNode, $"{what} leaves final state '{state}'; a final state has no outgoing transitions");
                if (trigger is null) continue;
                if (triggerLines.TryGetValue((state, trigger), out var otherLine))
                    reader.Error(map.Blame("trigger"), $"state '{state}' already has a transition with trigger '{trigger}' (line {otherLine})");
                else
                    triggerLines[(state, trigger)] = map.Line;
                if (!primary) continue;
                if (primaryByState.TryGetValue(state, out var other))
                    reader.Error(map.Blame("primary"),
                        $"state '{state}' already has a primary transition, '{other.Trigger}' (line {other.Line}); at most one per state");
                else
                    primaryByState[state] = (trigger, map.Line);
            }

            var to = map.RequiredString("to");
            if (to is not null && !states.ContainsKey(to))
            {
                reader.Error(map.Blame("to"), $"{what} goes to unknown state '{to}'");
                unknownStateNamed++;
            }

            var roles = new List<string>();
            var roleValues = map.OneOrMany("roles");
            if (roleValues.Count == 0)
                reader.Error(map.Blame("roles"), $"{what} names no roles that may perform it");
            foreach (var (role, roleNode) in roleValues)
            {
                if (!vocabulary.Roles.ContainsKey(role))
                    reader.Error(roleNode, $"{what} allows unknown role '{role}' (known: {Known(vocabulary.Roles.Keys)})");
                else if (!roles.Contains(role))
                    roles.Add(role);
            }

            var fields = new List<WorkflowField>();
            foreach (var fieldNode in map.List("fields"))
                if (ParseField(fieldNode, what) is { } field)
                {
                    if (fields.Any(f => f.Name == field.Name))
                        reader.Error(fieldNode, $"{what} declares field '{field.Name}' twice");
                    else
                        fields.Add(field);
                }

            var guards = new List<WorkflowGuard>();
            foreach (var guardNode in map.List("guards"))
                if (ParseGuard(guardNode, what) is { } guard)
                    guards.Add(guard);

            var effects = new List<WorkflowEffect>();
            foreach (var effectNode in map.List("effects"))
                if (ParseEffect(effectNode, what, fields, to) is { } effect)
                    effects.Add(effect);

            return trigger is null || title is null || to is null || from.Count == 0
                ? null
                : new WorkflowTransition(trigger, title, from, to, roles, primary, fields, guards, effects, map.Line);
        }

        WorkflowField? ParseField(YamlNode node, string transition)
        {
            if (reader.Map(node, $"{Named("field", node, "name")} of {transition}", FieldKeys) is not { } map) return null;
            var name = map.RequiredString("name");
            var what = name is null ? $"a field of {transition}" : $"field '{name}' of {transition}";
            if (name is not null && !YamlDataReader.IsKebab(name))
                reader.Error(map.Blame("name"), $"field name '{name}' should be kebab-case (lower-case words joined by '-')");
            var label = map.RequiredString("label");
            var required = map.Bool("required", false);
            var hint = map.String("hint");

            FieldType? type = null;
            if (map.RequiredString("type") is { } typeText)
            {
                if (FieldTypes.TryGetValue(typeText, out var known)) type = known;
                else reader.Error(map.Blame("type"), $"{what} has unknown type '{typeText}' (known: {string.Join(", ", FieldTypes.Keys)})");
            }

            var options = ParseOptions(map, what, type);

            var rules = new List<FieldRule>();
            foreach (var (ruleText, ruleNode) in map.OneOrMany("rules"))
            {
                if (!FieldRules.TryGetValue(ruleText, out var rule))
                    reader.Error(ruleNode, $"{what} has unknown rule '{ruleText}' (known: {string.Join(", ", FieldRules.Keys)})");
                else if (type is { } t && t != rule.AppliesTo)
                    reader.Error(ruleNode, $"rule '{ruleText}' applies to {TypeName(rule.AppliesTo)} fields, but {what} is {A(t)} field");
                else if (!rules.Contains(rule.Rule))
                    rules.Add(rule.Rule);
            }

            var excluded = new List<string>();
            if (map.Has("exclude") && type is { } excludeType && excludeType != FieldType.Outcome)
                reader.Error(map.Blame("exclude"), $"{what} is {A(excludeType)} field; only outcome fields have 'exclude'");
            foreach (var (code, codeNode) in map.OneOrMany("exclude"))
            {
                if (!vocabulary.OutcomeCodes.Contains(code))
                    reader.Error(codeNode, $"{what} excludes unknown outcome '{code}'");
                else if (!excluded.Contains(code))
                    excluded.Add(code);
            }

            return name is null || label is null || type is null
                ? null
                : new WorkflowField(name, label, type.Value, required, hint, options, rules, excluded);
        }

        List<ChoiceOption> ParseOptions(Mapping map, string what, FieldType? type)
        {
            var options = new List<ChoiceOption>();
            if (type == FieldType.Choice && map.List("options").Count == 0)
            {
                reader.Error(map.Blame("options"), $"choice {what} has no 'options'");
                return options;
            }
            if (type is { } t && t != FieldType.Choice && map.Has("options"))
            {
                reader.Error(map.Blame("options"), $"{what} is {A(t)} field; only choice fields have 'options'");
                return options;
            }
            foreach (var optionNode in map.List("options"))
            {
                if (reader.Map(optionNode, $"an option of {what}", OptionKeys) is not { } option) continue;
                var value = option.RequiredString("value");
                var label = option.RequiredString("label");
                if (value is null || label is null) continue;
                if (!YamlDataReader.IsKebab(value))
                    reader.Error(option.Blame("value"), $"option value '{value}' of {what} should be kebab-case (it is stored; the label is shown)");
                else if (options.Any(o => o.Value == value))
                    reader.Error(option.Blame("value"), $"{what} has option '{value}' twice");
                else
                    options.Add(new ChoiceOption(value, label));
            }
            return options;
        }

        WorkflowGuard? ParseGuard(YamlNode node, string transition)
        {
            if (reader.Map(node, $"a guard of {transition}", GuardKeys) is not { } map) return null;
            var condition = map.RequiredString("condition");
            var message = map.RequiredString("message");
            if (condition is not null && !vocabulary.Conditions.Contains(condition))
            {
                reader.Error(map.Blame("condition"), $"{transition} has a guard with unknown condition '{condition}' (known: {Known(vocabulary.Conditions)})");
                return null;
            }
            return condition is null || message is null ? null : new WorkflowGuard(condition, message);
        }

        WorkflowEffect? ParseEffect(YamlNode node, string transition, List<WorkflowField> fields, string? to)
        {
            const string knownEffects = "clock, letter, set, assign-case-number, archive";
            if (node is YamlScalarNode)
            {
                switch (reader.Scalar(node, $"an effect of {transition}"))
                {
                    case null:
                        return null;
                    case "assign-case-number":
                        return new AssignCaseNumberEffect();
                    case "archive":
                        if (to is not null && states.TryGetValue(to, out var target) && !target.IsFinal)
                            reader.Error(node, $"{transition} archives the case but goes to '{to}', which is not a final state");
                        return new ArchiveEffect();
                    case var other:
                        reader.Error(node, $"{transition} has unknown effect '{other}' (known: {knownEffects})");
                        return null;
                }
            }
            if (node is not YamlMappingNode raw)
            {
                reader.Error(node, $"an effect of {transition} should be a word (archive) or a mapping (letter: receipt)");
                return null;
            }

            var keys = raw.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList();
            var kinds = keys.Where(EffectKeys.ContainsKey).ToList();
            if (kinds.Count == 0)
            {
                var first = keys.FirstOrDefault(k => k is not ("when" or "date" or "from" or "value")) ?? keys.FirstOrDefault() ?? "";
                reader.Error(node, PlainEffects.Contains(first)
                    ? $"effect '{first}' of {transition} takes no arguments; write it as '- {first}'"
                    : $"{transition} has unknown effect '{first}' (known: {knownEffects})");
                return null;
            }
            if (kinds.Count > 1)
            {
                reader.Error(node, $"an effect of {transition} combines {string.Join(" and ", kinds)}; write each as its own effect");
                return null;
            }
            var kind = kinds[0];
            if (reader.Map(node, $"the {kind} effect of {transition}", EffectKeys[kind]) is not { } map) return null;
            var argument = map.RequiredString(kind);
            if (argument is null) return null;
            var when = map.Get("when") is { } whenNode ? ParseWhen(whenNode, transition, fields) : null;

            WorkflowEffect? effect = kind switch
            {
                "clock" => ParseClock(map, argument, transition, fields),
                "letter" => ParseLetter(map, argument, transition),
                _ => ParseSet(map, argument, transition, fields),
            };
            return effect is null ? null : effect with { When = when };
        }

        ClockEffect? ParseClock(Mapping map, string clockEvent, string transition, List<WorkflowField> fields)
        {
            var ok = true;
            if (!vocabulary.ClockEvents.Contains(clockEvent))
            {
                reader.Error(map.Blame("clock"), $"{transition} records unknown clock event '{clockEvent}' (known: {Known(vocabulary.ClockEvents)})");
                ok = false;
            }
            var dateField = map.String("date");
            if (dateField is not null)
                ok &= CheckReadField(map.Blame("date"), $"the clock effect '{clockEvent}' of {transition} takes its date from", dateField, fields, FieldType.Date);
            return ok ? new ClockEffect(clockEvent, dateField) : null;
        }

        LetterEffect? ParseLetter(Mapping map, string documentId, string transition)
        {
            if (vocabulary.DocumentIds.Contains(documentId)) return new LetterEffect(documentId);
            reader.Error(map.Blame("letter"), $"{transition} produces unknown letter '{documentId}' (not a document id of the catalog)");
            return null;
        }

        SetEffect? ParseSet(Mapping map, string caseField, string transition, List<WorkflowField> fields)
        {
            var ok = true;
            if (!vocabulary.CaseFields.Contains(caseField))
            {
                reader.Error(map.Blame("set"), $"{transition} sets unknown case field '{caseField}' (known: {Known(vocabulary.CaseFields)})");
                ok = false;
            }
            var from = map.String("from");
            var value = map.String("value");
            if ((from is null) == (value is null))
            {
                reader.Error(map.Node, $"the set effect '{caseField}' of {transition} needs exactly one of 'from' (a field) and 'value' (a constant)");
                return null;
            }
            if (from is not null)
                ok &= CheckReadField(map.Blame("from"), $"the set effect '{caseField}' of {transition} reads", from, fields,
                    caseField == "outcome" ? FieldType.Outcome : null);
            if (value is not null && caseField == "outcome" && !vocabulary.OutcomeCodes.Contains(value))
            {
                reader.Error(map.Blame("value"), $"{transition} sets outcome to unknown outcome '{value}'");
                ok = false;
            }
            return ok ? new SetEffect(caseField, from, value) : null;
        }

        /// <summary>An effect may only read a field the transition declares as required (else the effect would have no value), of the expected type.</summary>
        bool CheckReadField(YamlNode blame, string effect, string fieldName, List<WorkflowField> fields, FieldType? expected)
        {
            var field = fields.FirstOrDefault(f => f.Name == fieldName);
            if (field is null)
            {
                reader.Error(blame, $"{effect} field '{fieldName}', which the transition does not declare");
                return false;
            }
            if (expected is { } type && field.Type != type)
            {
                reader.Error(blame, $"{effect} field '{fieldName}', which is {A(field.Type)} field, not {A(type)} field");
                return false;
            }
            if (!field.Required)
            {
                reader.Error(blame, $"{effect} field '{fieldName}', which is not required; mark it 'required: true'");
                return false;
            }
            return true;
        }

        EffectCondition? ParseWhen(YamlNode node, string transition, List<WorkflowField> fields)
        {
            if (reader.Map(node, $"the 'when' of an effect of {transition}", WhenKeys) is not { } map) return null;
            var fieldName = map.RequiredString("field");
            var value = map.RequiredString("equals");
            if (fieldName is null || value is null) return null;
            var field = fields.FirstOrDefault(f => f.Name == fieldName);
            if (field is null)
                reader.Error(map.Blame("field"), $"the 'when' of an effect of {transition} refers to field '{fieldName}', which the transition does not declare");
            else if (field.Type != FieldType.Choice)
                reader.Error(map.Blame("field"), $"the 'when' of an effect of {transition} refers to field '{fieldName}', which is {A(field.Type)} field, not a choice field");
            else if (!field.Options.Any(o => o.Value == value))
                reader.Error(map.Blame("equals"), $"the 'when' of an effect of {transition} tests for '{value}', which is not an option of field '{fieldName}' ({string.Join(", ", field.Options.Select(o => o.Value))})");
            else
                return new EffectCondition(fieldName, value);
            return null;
        }

        void CheckGraph(List<WorkflowTransition> transitions)
        {
            var initial = states.Values.Where(s => s.IsInitial).OrderBy(s => s.Line).FirstOrDefault();
            if (initial is not null)
            {
                var reached = new HashSet<string>(StringComparer.Ordinal) { initial.Name };
                var queue = new Queue<string>([initial.Name]);
                while (queue.TryDequeue(out var state))
                    foreach (var t in transitions.Where(t => t.From.Contains(state) && states.ContainsKey(t.To)))
                        if (reached.Add(t.To))
                            queue.Enqueue(t.To);
                foreach (var state in states.Values.Where(s => !reached.Contains(s.Name)).OrderBy(s => s.Line))
                    reader.Error(state.Line, $"state '{state.Name}' cannot be reached from the initial state '{initial.Name}'");
            }
            foreach (var state in states.Values.Where(s => !s.IsFinal).OrderBy(s => s.Line))
                if (!transitions.Any(t => t.From.Contains(state.Name)))
                    reader.Error(state.Line, $"state '{state.Name}' is not final, but no transition leaves it; a case there could never end");
        }

        /// <summary>"state 'processing'" when the item has a name yet, else "a state".</summary>
        static string Named(string what, YamlNode node, string key) =>
            YamlDataReader.Peek(node, key) is { } name ? $"{what} '{name}'" : $"a {what}";

        static string Known(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));

        static string TypeName(FieldType type) => FieldTypes.First(kv => kv.Value == type).Key;

        static string A(FieldType type) => type == FieldType.Outcome ? "an outcome" : $"a {TypeName(type)}";
    }
}
