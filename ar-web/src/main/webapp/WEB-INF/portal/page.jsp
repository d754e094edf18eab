<!DOCTYPE html>
<html lang="${t.lang}">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <meta name="referrer" content="no-referrer">
  <title><c:out value="${t.get('title')} – ${view.company}"/></title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/portal/portal.css">
</head>
<body>
<header class="top">
  <span class="brand"><c:out value="${view.company}"/></span>
  <nav class="languages" aria-label="<c:out value="${t.get('languages')}"/>">
    <c:forEach var="l" items="${view.languages}">
      <c:choose>
        <c:when test="${l.selected()}"><span aria-current="true"><c:out value="${l.label()}"/></span></c:when>
        <c:otherwise><a href="<c:out value="${l.value()}"/>" hreflang="${l.value().substring(l.value().length() - 2)}"><c:out value="${l.label()}"/></a></c:otherwise>
      </c:choose>
    </c:forEach>
  </nav>
</header>
<main>
  <h1><c:out value="${view.greeting}"/></h1>
  <p class="lead"><c:out value="${t.format('intro', view.customerName, view.customerNumber, view.company)}"/></p>

  <c:if test="${view.done != null}">
    <p class="notice done" id="done" role="status"><c:out value="${view.done}"/></p>
  </c:if>

  <section aria-labelledby="open-heading">
    <h2 id="open-heading"><c:out value="${t.get('open.heading')}"/></h2>
    <c:choose>
      <c:when test="${view.nothingOpen}">
        <p><c:out value="${t.get('open.none')}"/></p>
      </c:when>
      <c:otherwise>
        <p class="totals">
          <c:out value="${t.get('open.total')}"/>&#32;<c:forEach var="total" items="${view.totals}" varStatus="s"><strong><c:out value="${total}"/></strong><c:if test="${!s.last}"> · </c:if></c:forEach>
        </p>
        <table class="invoices">
          <thead>
          <tr>
            <th scope="col"><c:out value="${t.get('open.invoice')}"/></th>
            <th scope="col"><c:out value="${t.get('open.due')}"/></th>
            <th scope="col" class="num"><c:out value="${t.get('open.open')}"/></th>
            <th scope="col"><c:out value="${t.get('open.state')}"/></th>
          </tr>
          </thead>
          <tbody>
          <c:forEach var="row" items="${view.invoices}">
            <tr class="${row.chased() ? 'overdue' : ''}">
              <td data-label="<c:out value="${t.get('open.invoice')}"/>">
                <a href="<c:out value="${row.pdf()}"/>" download><c:out value="${row.number()}"/></a>
                <c:if test="${row.payUrl() != null}"><br><a class="pay" href="<c:out value="${row.payUrl()}"/>" rel="noreferrer"><c:out value="${t.get('pay.online')}"/></a></c:if>
              </td>
              <td data-label="<c:out value="${t.get('open.due')}"/>"><c:out value="${row.due()}"/></td>
              <td data-label="<c:out value="${t.get('open.open')}"/>" class="num"><c:out value="${row.open()}"/><c:if test="${row.open() != row.amount()}"><br><small><c:out value="${t.format('open.of', row.amount())}"/></small></c:if></td>
              <td data-label="<c:out value="${t.get('open.state')}"/>"><c:out value="${row.state()}"/></td>
            </tr>
          </c:forEach>
          </tbody>
        </table>
      </c:otherwise>
    </c:choose>
    <c:if test="${not empty view.credits}">
      <div class="credit" id="credit">
        <h3><c:out value="${t.get('credit.heading')}"/></h3>
        <p><c:out value="${t.get('credit.intro')}"/></p>
        <ul>
          <c:forEach var="line" items="${view.credits}"><li><c:out value="${line}"/></li></c:forEach>
        </ul>
        <c:forEach var="total" items="${view.creditTotals}"><p class="totals"><strong><c:out value="${t.format('credit.total', total)}"/></strong></p></c:forEach>
      </div>
    </c:if>
    <p><a href="<c:out value="${view.base}"/>/statement.pdf" download><c:out value="${t.get('open.statement')}"/></a></p>
    <c:if test="${view.promise != null}"><p class="notice"><c:out value="${view.promise}"/></p></c:if>
    <c:forEach var="a" items="${view.arrangements}"><p class="notice"><c:out value="${a}"/></p></c:forEach>
  </section>

  <c:if test="${charges.any}">
  <section aria-labelledby="charges-heading" id="charges">
    <h2 id="charges-heading"><c:out value="${charges.get('heading')}"/></h2>
    <p><c:out value="${charges.intro}"/></p>
    <p class="totals">
      <c:out value="${charges.get('open')}"/>&#32;<c:forEach var="total" items="${charges.totals}" varStatus="s"><strong><c:out value="${total}"/></strong><c:if test="${!s.last}"> · </c:if></c:forEach>
    </p>
    <table class="invoices charges">
      <thead>
      <tr>
        <th scope="col"><c:out value="${charges.get('document')}"/></th>
        <th scope="col"><c:out value="${charges.get('what')}"/></th>
        <th scope="col" class="num"><c:out value="${charges.get('amount')}"/></th>
      </tr>
      </thead>
      <tbody>
      <c:forEach var="row" items="${charges.rows}">
        <tr>
          <td data-label="<c:out value="${charges.get('document')}"/>"><c:out value="${row.document()}"/></td>
          <td data-label="<c:out value="${charges.get('what')}"/>"><c:out value="${row.what()}"/></td>
          <td data-label="<c:out value="${charges.get('amount')}"/>" class="num"><c:out value="${row.amount()}"/></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </section>
  </c:if>

  <section aria-labelledby="pay-heading">
    <h2 id="pay-heading"><c:out value="${t.get('pay.heading')}"/></h2>
    <p><c:out value="${t.get('pay.transfer')}"/></p>
    <p class="bank"><c:out value="${view.bankDetails}"/></p>
    <p><c:out value="${view.paymentReference}"/></p>
  </section>

  <section aria-labelledby="tell-heading">
    <h2 id="tell-heading"><c:out value="${t.get('tell.heading')}"/></h2>
    <c:if test="${view.error != null}">
      <p class="notice error" role="alert" id="error"><c:out value="${view.error}"/></p>
    </c:if>

    <c:if test="${!view.nothingOpen}">
    <details id="paid" ${view.failed('paid') ? 'open' : ''}>
      <summary><c:out value="${t.get('paid.summary')}"/></summary>
      <form method="post" action="<c:out value="${view.base}"/>/paid?lang=${t.lang}" enctype="multipart/form-data">
        <input type="hidden" name="form" value="<c:out value="${view.form}"/>">
        <p class="hint"><c:out value="${t.get('paid.hint')}"/></p>
        <fieldset>
          <legend><c:out value="${t.get('form.invoices')}"/></legend>
          <c:forEach var="row" items="${view.invoices}">
            <label class="check"><input type="checkbox" name="invoice" value="<c:out value="${row.number()}"/>" ${view.ticked('paid', row.number(), row.overdue()) ? 'checked' : ''}> <c:out value="${row.number()} · ${row.open()}"/></label>
          </c:forEach>
        </fieldset>
        <label for="paid-on"><c:out value="${t.get('paid.date')}"/></label>
        <input type="date" id="paid-on" name="paidOn" required max="${view.today}" value="<c:out value="${view.sent('paidOn')}"/>">
        <label for="paid-amount"><c:out value="${t.get('paid.amount')}"/></label>
        <input type="text" inputmode="decimal" id="paid-amount" name="amount" required autocomplete="off" value="<c:out value="${view.sent('amount')}"/>">
        <label for="paid-reference"><c:out value="${t.get('paid.reference')}"/></label>
        <input type="text" id="paid-reference" name="reference" maxlength="100" value="<c:out value="${view.sent('reference')}"/>">
        <label for="paid-file"><c:out value="${t.get('form.file')}"/></label>
        <input type="file" id="paid-file" name="file" accept="application/pdf,image/png,image/jpeg">
        <button type="submit"><c:out value="${t.get('paid.submit')}"/></button>
      </form>
    </details>

    <c:if test="${view.canAsk}">
    <details id="promise" ${view.failed('promise') ? 'open' : ''}>
      <summary><c:out value="${t.get('promise.summary')}"/></summary>
      <form method="post" action="<c:out value="${view.base}"/>/promise?lang=${t.lang}">
        <input type="hidden" name="form" value="<c:out value="${view.form}"/>">
        <p class="hint"><c:out value="${t.format('promise.hint', view.latestPromiseText)}"/></p>
        <fieldset>
          <legend><c:out value="${t.get('form.invoices')}"/></legend>
          <c:forEach var="row" items="${view.invoices}">
            <c:if test="${row.requestable()}">
            <label class="check"><input type="checkbox" name="invoice" value="<c:out value="${row.number()}"/>" ${view.ticked('promise', row.number(), row.overdue()) ? 'checked' : ''}> <c:out value="${row.number()} · ${row.open()}"/></label>
            </c:if>
          </c:forEach>
        </fieldset>
        <label for="promise-date"><c:out value="${t.get('promise.date')}"/></label>
        <input type="date" id="promise-date" name="date" required min="${view.today}" value="<c:out value="${view.sent('date')}"/>">
        <button type="submit"><c:out value="${t.get('promise.submit')}"/></button>
      </form>
    </details>

    <details id="time" ${view.failed('time') ? 'open' : ''}>
      <summary><c:out value="${t.get('time.summary')}"/></summary>
      <form method="post" action="<c:out value="${view.base}"/>/time?lang=${t.lang}">
        <input type="hidden" name="form" value="<c:out value="${view.form}"/>">
        <p class="hint"><c:out value="${t.get('time.hint')}"/></p>
        <fieldset>
          <legend><c:out value="${t.get('form.invoices')}"/></legend>
          <c:forEach var="row" items="${view.invoices}">
            <c:if test="${row.requestable()}">
            <label class="check"><input type="checkbox" name="invoice" value="<c:out value="${row.number()}"/>" ${view.ticked('time', row.number(), row.overdue()) ? 'checked' : ''}> <c:out value="${row.number()} · ${row.open()}"/></label>
            </c:if>
          </c:forEach>
        </fieldset>
        <fieldset>
          <legend><c:out value="${t.get('time.what')}"/></legend>
          <label class="check"><input type="radio" name="kind" value="extension" ${view.sent('kind') != 'plan' ? 'checked' : ''}> <c:out value="${t.get('time.extension')}"/></label>
          <label for="time-date" class="indent"><c:out value="${t.get('time.date')}"/></label>
          <input type="date" id="time-date" name="newDueDate" class="indent" min="${view.today}" value="<c:out value="${view.sent('newDueDate')}"/>">
          <label class="check"><input type="radio" name="kind" value="plan" ${view.sent('kind') == 'plan' ? 'checked' : ''}> <c:out value="${t.get('time.plan')}"/></label>
          <label for="time-count" class="indent"><c:out value="${t.get('time.count')}"/></label>
          <input type="number" id="time-count" name="instalments" class="indent" min="2" max="24" value="<c:out value="${view.sent('instalments')}"/>">
          <label for="time-first" class="indent"><c:out value="${t.get('time.first')}"/></label>
          <input type="date" id="time-first" name="firstDate" class="indent" min="${view.today}" value="<c:out value="${view.sent('firstDate')}"/>">
        </fieldset>
        <label for="time-note"><c:out value="${t.get('time.note')}"/></label>
        <textarea id="time-note" name="note" rows="3" maxlength="1000"><c:out value="${view.sent('note')}"/></textarea>
        <button type="submit"><c:out value="${t.get('time.submit')}"/></button>
      </form>
    </details>
    </c:if>

    <details id="dispute" ${view.failed('dispute') ? 'open' : ''}>
      <summary><c:out value="${t.get('dispute.summary')}"/></summary>
      <form method="post" action="<c:out value="${view.base}"/>/dispute?lang=${t.lang}" enctype="multipart/form-data">
        <input type="hidden" name="form" value="<c:out value="${view.form}"/>">
        <p class="hint"><c:out value="${t.get('dispute.hint')}"/></p>
        <fieldset>
          <legend><c:out value="${t.get('form.invoices')}"/></legend>
          <c:forEach var="row" items="${view.invoices}">
            <label class="check"><input type="checkbox" name="invoice" value="<c:out value="${row.number()}"/>" ${view.ticked('dispute', row.number(), row.overdue()) ? 'checked' : ''}> <c:out value="${row.number()} · ${row.open()}"/></label>
          </c:forEach>
        </fieldset>
        <label for="dispute-reason"><c:out value="${t.get('dispute.reason')}"/></label>
        <select id="dispute-reason" name="reason" required>
          <option value=""><c:out value="${t.get('dispute.choose')}"/></option>
          <c:forEach var="r" items="${view.reasons}">
            <option value="${r.value()}" ${r.selected() ? 'selected' : ''}><c:out value="${r.label()}"/></option>
          </c:forEach>
        </select>
        <label for="dispute-note"><c:out value="${t.get('dispute.note')}"/></label>
        <textarea id="dispute-note" name="note" rows="3" maxlength="2000"><c:out value="${view.sent('note')}"/></textarea>
        <label for="dispute-file"><c:out value="${t.get('form.file')}"/></label>
        <input type="file" id="dispute-file" name="file" accept="application/pdf,image/png,image/jpeg">
        <button type="submit"><c:out value="${t.get('dispute.submit')}"/></button>
      </form>
    </details>
    </c:if>

    <c:if test="${view.hasContact}">
    <details id="contact" ${view.failed('contact') ? 'open' : ''}>
      <summary><c:out value="${t.get('contact.summary')}"/></summary>
      <form method="post" action="<c:out value="${view.base}"/>/contact?lang=${t.lang}">
        <input type="hidden" name="form" value="<c:out value="${view.form}"/>">
        <p class="hint"><c:out value="${t.format('contact.hint', view.contactName)}"/></p>
        <label for="contact-email"><c:out value="${t.get('contact.email')}"/></label>
        <input type="email" id="contact-email" name="email" maxlength="254" autocomplete="email" value="<c:out value="${view.contactEmail}"/>">
        <label for="contact-phone"><c:out value="${t.get('contact.phone')}"/></label>
        <input type="tel" id="contact-phone" name="phone" maxlength="40" autocomplete="work tel" value="<c:out value="${view.contactPhone}"/>">
        <label for="contact-mobile"><c:out value="${t.get('contact.mobile')}"/></label>
        <input type="tel" id="contact-mobile" name="mobile" maxlength="40" autocomplete="mobile tel" value="<c:out value="${view.contactMobile}"/>">
        <label for="contact-preferred"><c:out value="${t.get('contact.preferred')}"/></label>
        <select id="contact-preferred" name="preferred">
          <c:forEach var="ch" items="${view.channels}">
            <option value="${ch.value()}" ${ch.selected() ? 'selected' : ''}><c:out value="${ch.label()}"/></option>
          </c:forEach>
        </select>
        <label class="check"><input type="checkbox" name="emailOptOut" ${view.emailOptOut ? 'checked' : ''}> <c:out value="${t.get('contact.emailOptOut')}"/></label>
        <label class="check"><input type="checkbox" name="smsOptOut" ${view.smsOptOut ? 'checked' : ''}> <c:out value="${t.get('contact.smsOptOut')}"/></label>
        <button type="submit"><c:out value="${t.get('contact.submit')}"/></button>
      </form>
    </details>
    </c:if>
  </section>

  <section aria-labelledby="help-heading">
    <h2 id="help-heading"><c:out value="${t.get('help.heading')}"/></h2>
    <p><c:out value="${t.format('help.text', view.senderName)}"/></p>
    <ul class="ways">
      <li><c:out value="${t.get('help.email')}"/> <a href="mailto:<c:out value="${view.senderEmail}"/>"><c:out value="${view.senderEmail}"/></a></li>
      <li><c:out value="${t.get('help.phone')}"/> <a href="tel:<c:out value="${view.senderPhone.replace(' ', '')}"/>"><c:out value="${view.senderPhone}"/></a></li>
      <li><c:out value="${t.get('help.reply')}"/></li>
    </ul>
  </section>
</main>
<footer class="bottom"><c:out value="${t.format('footer', view.company)}"/></footer>
</body>
</html>
