/**
 * What customers write back, by email or SMS. {@link app.courtesy.reply.Replies} keeps each message
 * once (its Message-ID or the gateway's id is the key), finds its customer (the thread it answers,
 * then the signed reply address of {@link app.courtesy.reply.ReplyAddress}, then a sender address
 * or mobile number that is one customer's alone) and logs it inbound on their history. A person's
 * reply waits for an answer: the case rises and, by policy, the reminders wait until a collector
 * answers it or marks it handled; an automatic reply ({@link app.courtesy.reply.AutoReplies}) is
 * logged and nothing more; what matches no one waits for a collector to assign or discard it.
 *
 * <p>Reading the words: {@link app.courtesy.reply.ReplyText} cuts quoted history and signatures,
 * {@link app.courtesy.reply.ReplyReading} suggests what the customer means (already paid, will pay,
 * dispute, hardship, copy wanted), {@link app.courtesy.reply.ReplyDates} finds the dates they
 * mention, and {@link app.courtesy.reply.SmsKeywords} recognises SMS opt-outs, in English, German
 * and French. A suggestion is offered to a collector, pre-filled, and never acted on alone.
 */
package app.courtesy.reply;
