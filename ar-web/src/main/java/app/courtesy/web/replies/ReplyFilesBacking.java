package app.courtesy.web.replies;

import app.courtesy.reply.Replies;
import app.courtesy.web.FileDownloads;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.StreamedContent;

/**
 * The files of a reply as downloads from the pages that show it (the case, the customer, Unmatched
 * replies): an attachment, or the email as it was received.
 */
@Named
@RequestScoped
public class ReplyFilesBacking {

  @Inject private Replies replies;

  public StreamedContent file(Replies.Shown shown, Replies.Attachment attachment) {
    return FileDownloads.fromOutside(
        replies.attachment(shown.reply().getId(), attachment.id()).orElseThrow(),
        attachment.fileName(),
        attachment.mediaType());
  }

  public StreamedContent original(Replies.Shown shown) {
    long id = shown.reply().getId();
    return FileDownloads.fromOutside(
        replies.original(id).orElseThrow(), "reply-" + id + ".eml", "message/rfc822");
  }
}
