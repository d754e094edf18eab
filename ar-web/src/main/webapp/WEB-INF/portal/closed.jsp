<!DOCTYPE html>
<html lang="${t.lang}">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <meta name="referrer" content="no-referrer">
  <title><c:out value="${t.get('closed.title')}"/></title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/portal/portal.css">
</head>
<body>
<main class="narrow">
  <h1><c:out value="${t.get('closed.title')}"/></h1>
  <c:choose>
    <c:when test="${sent}">
      <p class="notice done" role="status"><c:out value="${t.get('closed.sent')}"/></p>
    </c:when>
    <c:otherwise>
      <p><c:out value="${t.get('closed.text')}"/></p>
      <form method="post" action="<c:out value="${action}"/>">
        <input type="hidden" name="form" value="<c:out value="${form}"/>">
        <input type="hidden" name="lang" value="<c:out value="${lang}"/>">
        <button type="submit"><c:out value="${t.get('closed.submit')}"/></button>
      </form>
    </c:otherwise>
  </c:choose>
  <p><c:out value="${t.get('closed.help')}"/></p>
</main>
</body>
</html>
