package app.courtesy.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.reminder.MessageTemplate.Escaping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

  private static final Map<String, Object> MODEL =
      Map.of(
          "contact",
          Map.of("salutation", "Ms", "lastName", "O'Neil <Finance>"),
          "total",
          "€1,330.00",
          "overdue",
          true,
          "invoices",
          List.of(
              Map.of("number", "INV-1", "amount", "€1,000.00"),
              Map.of("number", "INV-2", "amount", "€330.00")));

  @Test
  void insertsValuesByDottedNameAndRepeatsSectionsPerItem() {
    MessageTemplate template =
        MessageTemplate.parse(
            "Dear {{contact.salutation}} {{contact.lastName}},\n"
                + "{{#invoices}}- {{number}}: {{amount}}\n{{/invoices}}Total {{total}}");

    assertThat(template.render(MODEL, Escaping.NONE))
        .isEqualTo(
            "Dear Ms O'Neil <Finance>,\n- INV-1: €1,000.00\n- INV-2: €330.00\nTotal €1,330.00");
  }

  @Test
  void showsBlocksByFlagAndTheirOppositeWhenMissingOrFalse() {
    MessageTemplate template =
        MessageTemplate.parse(
            "{{#overdue}}was due{{/overdue}}{{^overdue}}is due{{/overdue}}"
                + "{{^contact.firstName}}, no first name{{/contact.firstName}}{{! a note }}");

    assertThat(template.render(MODEL, Escaping.NONE)).isEqualTo("was due, no first name");
    assertThat(template.render(Map.of("overdue", false), Escaping.NONE))
        .isEqualTo("is due, no first name");
  }

  @Test
  void escapesValuesButNotTheTemplateForHtml() {
    MessageTemplate template = MessageTemplate.parse("<p>Dear {{contact.lastName}},</p>");

    assertThat(template.render(MODEL, Escaping.HTML))
        .isEqualTo("<p>Dear O&#39;Neil &lt;Finance&gt;,</p>");
  }

  @Test
  void refusesAnythingButPlainNamesSoATemplateCannotReachCode() {
    for (String attempt :
        List.of(
            "{{contact.getClass()}}",
            "{{> partial}}",
            "{{{raw}}}",
            "{{=<% %>=}}",
            "{{ T(java.lang.Runtime).getRuntime() }}",
            "{{#invoices[0]}}x{{/invoices[0]}}")) {
      assertThatThrownBy(() -> MessageTemplate.parse("Hello\n" + attempt))
          .as(attempt)
          .isInstanceOf(TemplateException.class)
          .hasMessageStartingWith("Line 2: ")
          .hasMessageContaining("is not a placeholder");
    }
  }

  @Test
  void namesTheLineOfAnUnclosedOrMismatchedSection() {
    assertThatThrownBy(() -> MessageTemplate.parse("a\n{{#invoices}}\n{{number}}"))
        .hasMessage("Line 2: {{#invoices}} is never closed with {{/invoices}}");
    assertThatThrownBy(() -> MessageTemplate.parse("{{^invoices}}\nAll paid"))
        .hasMessage("Line 1: {{^invoices}} is never closed with {{/invoices}}");
    assertThatThrownBy(() -> MessageTemplate.parse("{{#a}}\n{{#b}}\n{{/a}}"))
        .hasMessage("Line 3: {{/a}} closes {{#b}} (line 2); close that one first");
    assertThatThrownBy(() -> MessageTemplate.parse("x {{total"))
        .hasMessage("Line 1: a placeholder opened with {{ is not closed with }}");
    assertThatThrownBy(
            () ->
                MessageTemplate.parse(
                    "Dear {{contact.name}},\n\n{{#invoices}}\n{{number}} {{! the due date\n"
                        + "left out }} {{amount}}\n{{/invoices}}\n{{#a}}{{^b}}\n\n{{/a}}"))
        .as("lines counted past placeholders, sections, and a comment over two lines")
        .hasMessage("Line 9: {{/a}} closes {{^b}} (line 7); close that one first");
  }

  @Test
  void listsTheNamesItUsesSoAnEditorCanFlagUnknownOnes() {
    MessageTemplate template =
        MessageTemplate.parse("{{contact.name}} {{#invoices}}{{number}}{{/invoices}} {{totl}}");

    assertThat(template.names())
        .containsExactlyInAnyOrder("contact.name", "invoices", "number", "totl");
  }
}
