using System.Security.Cryptography;
using System.Text;
using DisclosureCases.Tests.Support;
using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Workflow;

public class WorkflowLoaderTests
{
    static WorkflowVocabulary Vocabulary => TestVocabulary.Standard;

    public static TheoryData<string> DefinitionFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Workflows, "*.yaml").Order(StringComparer.Ordinal))
            if (WorkflowLoader.IsDefinitionText(File.ReadAllText(path)))
                data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(DefinitionFiles))]
    public void Every_definition_in_workflows_loads(string file)
    {
        var definition = WorkflowLoader.LoadFile(Path.Combine(RepoPaths.Workflows, file), Vocabulary);
        definition.SourceName.ShouldBe($"workflows/{file}");
    }

    [Fact]
    public void The_workflows_folder_holds_the_application_review_and_litigation_definitions_and_nothing_else_is_taken_for_one()
    {
        var definitions = WorkflowLoader.LoadDirectory(RepoPaths.Workflows, Vocabulary);
        definitions.Select(d => (d.Id, d.Version)).ShouldBe([("application", 1), ("litigation", 1), ("reconsideration", 1)]);
        definitions[0].Title.ShouldBe("政府信息公开申请办理");
    }

    [Fact]
    public void The_content_hash_is_the_sha256_of_the_file_text()
    {
        var path = Path.Combine(RepoPaths.Workflows, "application.yaml");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        WorkflowLoader.LoadFile(path, Vocabulary).ContentHash.ShouldBe(expected);
    }

    [Fact]
    public void The_content_hash_ignores_line_endings_and_a_byte_order_mark_but_not_a_changed_comment()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Workflows, "application.yaml")).ReplaceLineEndings("\n");
        var lf = WorkflowLoader.Parse(text, "workflows/application.yaml", Vocabulary).ContentHash;

        WorkflowLoader.Parse(text.Replace("\n", "\r\n"), "workflows/application.yaml", Vocabulary).ContentHash.ShouldBe(lf);
        WorkflowLoader.Parse("\uFEFF" + text, "workflows/application.yaml", Vocabulary).ContentHash.ShouldBe(lf);
        WorkflowLoader.Parse(text + "# edited in place\n", "workflows/application.yaml", Vocabulary).ContentHash.ShouldNotBe(lf);
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_the_same_definition()
    {
        // Old versions are re-parsed from their stored text: the result must not depend on anything else.
        var text = File.ReadAllText(Path.Combine(RepoPaths.Workflows, "application.yaml"));
        var a = WorkflowLoader.Parse(text, "stored", Vocabulary);
        var b = WorkflowLoader.Parse(text, "stored", Vocabulary);
        a.ContentHash.ShouldBe(b.ContentHash);
        a.States.Select(s => $"{s} {string.Join(",", s.Deadlines)}").ShouldBe(b.States.Select(s => $"{s} {string.Join(",", s.Deadlines)}"));
        a.Transitions.Select(Describe).ShouldBe(b.Transitions.Select(Describe));
    }

    static string Describe(WorkflowTransition t) =>
        $"{t.Trigger}:{string.Join(",", t.From)}->{t.To}[{string.Join(",", t.Roles)}]" +
        $"({string.Join(",", t.Fields.Select(f => $"{f.Name}:{f.Type}:{f.Required}"))})" +
        $"{{{string.Join(",", t.Effects)}}}";

    [Theory]
    [InlineData("kind: workflow\nid: a\n", true)]
    [InlineData("# comment\nkind: 'workflow'   # quoted\n", true)]
    [InlineData("kind: \"workflow\"\r\nid: a\r\n", true)]
    [InlineData("kind: workflows\n", false)]
    [InlineData("meta:\n  kind: workflow\n", false)]
    [InlineData("outcomes:\n  - code: other\n", false)]
    public void A_definition_is_recognised_by_a_top_level_kind_workflow_line(string text, bool isDefinition) =>
        WorkflowLoader.IsDefinitionText(text).ShouldBe(isDefinition);

    [Fact]
    public void A_file_with_workflow_keys_but_no_marker_is_not_silently_skipped()
    {
        var dir = CopyOfWorkflows();
        try
        {
            File.WriteAllText(Path.Combine(dir, "forgotten.yaml"), "id: forgotten\nversion: 1\nstates: []\n");
            var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.LoadDirectory(dir, Vocabulary));
            ex.Message.ShouldBe("workflows/forgotten.yaml:3: the file has workflow keys but no 'kind: workflow' line; add it so that it is loaded as a definition");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }

    [Fact]
    public void Two_files_claiming_the_same_id_and_version_are_refused()
    {
        var dir = CopyOfWorkflows();
        try
        {
            File.Copy(Path.Combine(dir, "application.yaml"), Path.Combine(dir, "application-copy.yaml"));
            var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.LoadDirectory(dir, Vocabulary));
            var error = ex.Errors.ShouldHaveSingleItem();
            error.Source.ShouldBe("workflows/application.yaml"); // "application-copy" sorts first, so it is the original
            error.Message.ShouldBe("workflow 'application' version 1 is already defined in workflows/application-copy.yaml");
            File.ReadLines(Path.Combine(dir, "application.yaml")).ElementAt(error.Line - 1).ShouldBe("version: 1");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }

    [Fact]
    public void Yaml_files_in_sub_folders_such_as_the_calendar_are_not_read()
    {
        var dir = CopyOfWorkflows();
        try
        {
            var calendar = Directory.CreateDirectory(Path.Combine(dir, "calendar"));
            File.WriteAllText(Path.Combine(calendar.FullName, "2026.yaml"), "kind: workflow\nthis is: [not valid\n");
            WorkflowLoader.LoadDirectory(dir, Vocabulary).Count.ShouldBe(3); // application, litigation, reconsideration
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }

    [Fact]
    public void An_effect_condition_must_test_a_choice_field_for_one_of_its_options()
    {
        var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.Parse(Mini("""
                fields:
                  - name: party
                    label: 征求意见对象
                    type: choice
                    required: true
                    options:
                      - { value: third-party, label: 第三方 }
                effects:
                  - letter: consultation-third-party
                    when: { field: party, equals: thirdparty }
            """), "mini.yaml", Vocabulary));
        ex.Message.ShouldBe("mini.yaml:26: the 'when' of an effect of transition 'register' tests for 'thirdparty', which is not an option of field 'party' (third-party)");
    }

    [Fact]
    public void A_set_effect_needs_either_a_field_or_a_constant_not_both()
    {
        var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.Parse(Mini("""
                fields:
                  - name: outcome
                    label: 答复结果
                    type: outcome
                    required: true
                effects:
                  - set: outcome
                    from: outcome
                    value: disclose
            """), "mini.yaml", Vocabulary));
        ex.Message.ShouldBe("mini.yaml:23: the set effect 'outcome' of transition 'register' needs exactly one of 'from' (a field) and 'value' (a constant)");
    }

    [Fact]
    public void The_outcome_can_only_be_set_from_an_outcome_field()
    {
        var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.Parse(Mini("""
                fields:
                  - name: result
                    label: 结果
                    type: text
                    required: true
                effects:
                  - set: outcome
                    from: result
            """), "mini.yaml", Vocabulary));
        ex.Message.ShouldBe("mini.yaml:24: the set effect 'outcome' of transition 'register' reads field 'result', which is a text field, not an outcome field");
    }

    [Fact]
    public void An_outcome_field_may_only_exclude_known_outcomes()
    {
        var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.Parse(Mini("""
                fields:
                  - name: outcome
                    label: 答复结果
                    type: outcome
                    exclude: [other-no-correction, no-such-outcome]
            """), "mini.yaml", Vocabulary));
        ex.Message.ShouldBe("mini.yaml:21: field 'outcome' of transition 'register' excludes unknown outcome 'no-such-outcome'");
    }

    [Fact]
    public void Only_a_final_state_can_be_read_only()
    {
        var text = Mini("").Replace("  - name: processing\n    title: 办理中\n", "  - name: processing\n    title: 办理中\n    readOnly: true\n");
        var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.Parse(text, "mini.yaml", Vocabulary));
        ex.Message.ShouldBe("mini.yaml:9: state 'processing' is read-only but not final; only a final state can be read-only");
    }

    [Fact]
    public void Archiving_is_only_allowed_into_a_final_state()
    {
        var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.Parse(Mini("""
                effects:
                  - archive
            """), "mini.yaml", Vocabulary));
        ex.Message.ShouldBe("mini.yaml:18: transition 'register' archives the case but goes to 'processing', which is not a final state");
    }

    [Fact]
    public void An_argument_to_a_plain_effect_is_refused_with_the_right_spelling()
    {
        var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.Parse(Mini("""
                effects:
                  - assign-case-number: true
            """), "mini.yaml", Vocabulary));
        ex.Message.ShouldBe("mini.yaml:18: effect 'assign-case-number' of transition 'register' takes no arguments; write it as '- assign-case-number'");
    }

    [Fact]
    public void Malformed_yaml_that_trips_the_scanner_itself_still_gets_a_line()
    {
        // YamlDotNet 16 throws a positionless InvalidOperationException for an unclosed flow sequence followed by a key.
        var ex = Should.Throw<WorkflowDefinitionException>(() => WorkflowLoader.Parse(
            "kind: workflow\nid: mini\nroles: [Clerk, Manager\nversion: 1\n", "mini.yaml", Vocabulary));
        ex.Message.ShouldStartWith("mini.yaml:4: malformed YAML");
    }

    /// <summary>
    /// A valid three-state definition whose last transition, 'register' (lines 12–16), gets
    /// <paramref name="registerExtras"/> appended from line 17 on.
    /// </summary>
    static string Mini(string registerExtras) =>
        """
        kind: workflow
        id: mini
        version: 1
        title: 测试
        states:
          - { name: received, title: 已接收, kind: initial }
          - name: processing
            title: 办理中
          - { name: archived, title: 已归档, kind: final }
        transitions:
          - { trigger: archive, title: 归档, from: processing, to: archived, roles: [Clerk] }
          - trigger: register
            title: 登记
            from: received
            to: processing
            roles: [Clerk]
        """ + "\n" + string.Concat(registerExtras.Split('\n')
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.TrimEnd() + "\n"));

    /// <summary>A temporary "workflows" folder holding a copy of the checkout's definitions and outcomes.</summary>
    static string CopyOfWorkflows()
    {
        var root = Directory.CreateTempSubdirectory("workflow-loader-").FullName;
        var dir = Directory.CreateDirectory(Path.Combine(root, "workflows")).FullName;
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Workflows, "*.yaml"))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }
}
