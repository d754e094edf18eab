package app.courtesy.reply;

import app.courtesy.reply.Suggestion.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggests what a customer's reply says, by fixed rules for English, German, French, Spanish,
 * Italian and Dutch: that they have already paid, will pay on a date, dispute the invoice, are in
 * hardship, or want a copy of the invoice. Matching ignores case and accents and accepts curly
 * apostrophes; it works sentence by sentence. The rules see words, not meaning: a collector
 * confirms every suggestion against its evidence.
 */
public final class ReplyReading {

  private static final int PROMISE_HORIZON_DAYS = 183;

  private static final String REFERENCE_TAIL =
      "\\s*(?:(?:no|nr|n°|number|num(?:éro|ero)?)\\.?\\s*)?[:#]?\\s*"
          + "(?<reference>[\\p{L}\\d][\\p{L}\\d/_-]*)";

  private static final List<Pattern> ALREADY_PAID =
      patterns(
          // English
          "\\b(?:paid|settled|transferred|remitted|wired)\\b",
          "\\bpayment\\s+(?:was|has\\s+been|has|went|is|got)\\s+(?:already\\s+|now\\s+)?"
              + "(?:made|sent|done|completed|processed|out|through|gone|on\\s+its\\s+way"
              + "|submitted|released)\\b",
          "\\b(?:made|sent|completed|processed|initiated)\\s+(?:the|a|our|my|your|this|that)?\\s*"
              + "(?:bank\\s+)?(?:payment|transfer|remittance|bacs)\\b",
          "\\bpayment\\s+(?:made|sent|done)\\b",
          // German
          "\\b(?:bezahlt|gezahlt|uberwiesen|beglichen|ausgeglichen)\\b",
          "\\b(?:zahlung|uberweisung)\\s+(?:ist|wurde|ging)\\s+(?:\\S+\\s+){0,2}?"
              + "(?:raus|heraus|erfolgt|veranlasst|ausgefuhrt|getatigt|angewiesen|unterwegs"
              + "|rausgegangen)\\b",
          "\\b(?:zahlung|uberweisung)\\b[^.!?]{0,40}?\\b(?:veranlasst|getatigt|ausgefuhrt"
              + "|vorgenommen|erledigt|angestossen|angestoßen)\\b",
          // French
          "\\b(?:ai|as|a|avons|avez|ont|est|sont|ete|deja|bien)\\s+(?:\\S+\\s+){0,2}?"
              + "(?:paye|payee|payes|payees|regle|reglee|regles|reglees|verse|versee|verses"
              + "|vire|viree|acquitte|acquittee)\\b",
          "\\b(?:reglee|reglees|versee|viree|acquittee)\\b",
          "\\bfacture\\s+(?:\\S+\\s+)?payee\\b",
          "(?<!je\\s)(?<!tu\\s)(?<!il\\s)(?<!on\\s)(?<!elle\\s)(?<!nous\\s)(?<!vous\\s)"
              + "\\b(?:payee?s?|reglee?s?|versee?s?|viree?s?)\\s+(?:le|hier|ce|par|via|en"
              + "|aujourd'hui|depuis)\\b",
          "\\b(?:effectue|fait|envoye|emis|realise|passe|lance)\\s+(?:le|un|au|notre|mon|ce)\\s+"
              + "(?:virement|paiement|reglement)\\b",
          "\\b(?:paiement|virement|reglement)\\s+(?:a\\s+ete|est|a)\\s+(?:\\S+\\s+){0,2}?"
              + "(?:effectue|fait|envoye|emis|realise|passe|parti|execute)\\b",
          // Spanish
          "\\b(?:he|hemos|ha|han|ya)\\s+(?:\\S+\\s+){0,2}?(?:pagad[ao]s?|abonad[ao]s?|transferido"
              + "|liquidad[ao]s?|saldad[ao]s?|ingresado|realizado\\s+(?:el|la)\\s+(?:pago|transferencia))\\b",
          "\\b(?:factura|pago|transferencia|importe)\\s+(?:ya\\s+)?(?:esta|fue|ha\\s+sido)\\s+"
              + "(?:\\S+\\s+)?(?:pagad[ao]|abonad[ao]|realizad[ao]|hech[ao]|enviad[ao]|saldad[ao]"
              + "|liquidad[ao]|efectuad[ao])\\b",
          "\\b(?:pague|transferi|abone)\\s+(?:la|el|ayer|hoy|ya)\\b",
          // Italian
          "\\b(?:ho|abbiamo|ha|hanno|e|sono|stato|stata|gia)\\s+(?:\\S+\\s+){0,2}?(?:pagato|pagata"
              + "|pagati|pagate|saldato|saldata|bonificato|versato|effettuato\\s+(?:il|un)\\s+"
              + "(?:bonifico|pagamento)|fatto\\s+(?:il|un)\\s+bonifico|disposto\\s+(?:il|un)\\s+"
              + "bonifico)\\b",
          "\\b(?:pagamento|bonifico)\\s+(?:e|e\\s+stato)\\s+(?:\\S+\\s+)?(?:effettuato|fatto"
              + "|eseguito|disposto|inviato|partito)\\b",
          "\\bfattura\\s+(?:\\S+\\s+)?(?:pagata|saldata)\\b",
          // Dutch
          "\\b(?:betaald|overgemaakt|voldaan|overgeboekt|gestort)\\b",
          "\\b(?:betaling|overboeking|overschrijving)\\s+(?:is|werd)\\s+(?:\\S+\\s+){0,2}?"
              + "(?:gedaan|verricht|uitgevoerd|verstuurd|verzonden|onderweg)\\b");

  private static final List<Pattern> WILL_PAY =
      patterns(
          // English
          "(?:\\bwill|'ll|\\bshall|\\bgoing\\s+to|\\bgonna|\\bplan(?:ning)?\\s+to|\\bintend\\s+to"
              + "|\\bcan|\\bexpect\\s+to|\\bhope\\s+to|\\baim\\s+to|\\bable\\s+to|\\bam\\s+paying"
              + "|\\bare\\s+paying|'m\\s+paying|'re\\s+paying|\\bwe|\\bi)\\s+(?:\\w+\\s+){0,2}?"
              + "(?:pay|paying|transfer|settle|remit|clear|make\\s+(?:the|a|our|my)?\\s*payment"
              + "|send\\s+(?:the|a|our|my)?\\s*(?:payment|money|funds|transfer))\\b",
          "\\bpayment\\s+will\\s+(?:\\w+\\s+){0,2}?(?:made|sent|done|processed|go\\s+out|follow"
              + "|reach|arrive|be\\s+with\\s+you)\\b",
          "\\bwill\\s+be\\s+(?:paid|settled|transferred)\\b",
          // German
          "\\b(?:werde|werden|wird|wirst|werdet)\\b(?:\\s+\\S+){0,6}?\\s+(?:zahlen|bezahlen"
              + "|uberweisen|begleichen|bezahlt|uberwiesen|beglichen|ausgleichen|ausgeglichen"
              + "|anweisen|veranlassen)\\b",
          "\\b(?:zahle|zahlen|bezahle|bezahlen|uberweise|uberweisen|begleiche|begleichen)\\b"
              + "(?:\\s+\\S+){0,4}?\\s+(?:am|bis|spatestens|zum|morgen|heute|ubermorgen|nachste"
              + "|nachsten|diese|diesen|kommende|kommenden|ende|anfang|montag|dienstag|mittwoch"
              + "|donnerstag|freitag|samstag|\\d)",
          "\\b(?:kann|konnen|konnte|konnten)\\b(?:\\s+\\S+){0,5}?\\s+(?:zahlen|bezahlen"
              + "|uberweisen|begleichen)\\b",
          "\\b(?:zahlung|uberweisung)\\s+(?:erfolgt|geht|wird|kommt|folgt)\\b",
          // French
          "\\b(?:paierons|paierai|paiera|payerons|payerai|payera|reglerons|reglerai|reglera"
              + "|virerons|virerai|verserons|verserai|effectuerons|effectuerai)\\b",
          "\\b(?:allons|vais|va|pourrons|pourrai|pouvons|peux|comptons|compte|prevoyons|prevois)"
              + "\\s+(?:\\S+\\s+){0,3}?(?:payer|regler|virer|verser|effectuer|proceder)\\b",
          "\\b(?:paiement|virement|reglement)\\s+(?:sera|va\\s+etre|partira|interviendra"
              + "|arrivera)\\b",
          "\\bsera\\s+(?:payee?s?|reglee?s?|viree?s?|versee?s?)\\b",
          "\\b(?:je|nous)\\s+(?:paie|paye|payons|regle|reglons|vire|virons)\\b",
          // Spanish
          "\\b(?:pagaremos|pagare|pagara|pagaran|abonaremos|abonare|transferiremos|transferire"
              + "|ingresaremos|ingresare|liquidaremos|liquidare|(?:haremos|realizaremos)\\s+"
              + "(?:el|la)\\s+(?:pago|transferencia))\\b",
          "\\b(?:vamos|voy|podemos|puedo|podremos|podre|pensamos|pienso|queremos|prevemos"
              + "|esperamos|espero)\\s+(?:a\\s+)?(?:\\S+\\s+){0,2}?(?:pagar|abonar|transferir"
              + "|liquidar|ingresar|saldar|realizar\\s+el\\s+pago|hacer\\s+(?:el|la)\\s+"
              + "(?:pago|transferencia))\\b",
          "\\b(?:pago|transferencia)\\s+(?:se\\s+)?(?:realizara|hara|efectuara|llegara|saldra)\\b",
          "\\bpagamos\\s+(?:el|la|este|esta|manana|pasado)\\b",
          // Italian
          "\\b(?:pagheremo|paghero|paghera|pagheranno|salderemo|saldero|verseremo|versero"
              + "|effettueremo|effettuero|disporremo|bonificheremo|faremo\\s+(?:il|un)\\s+bonifico)"
              + "\\b",
          "\\b(?:possiamo|posso|potremo|potro|pensiamo\\s+di|penso\\s+di|contiamo\\s+di"
              + "|conto\\s+di|prevediamo\\s+di|riusciremo\\s+a|riusciamo\\s+a)\\s+(?:\\S+\\s+){0,2}?"
              + "(?:pagare|saldare|versare|effettuare|bonificare|fare\\s+il\\s+bonifico)\\b",
          "\\b(?:pagamento|bonifico|saldo)\\s+(?:sara|verra|arrivera|partira)\\b",
          "\\b(?:paghiamo|pago)\\s+(?:il|entro|domani|dopodomani|oggi|a\\s+fine)\\b",
          // Dutch
          "\\b(?:zal|zullen|zult|ga|gaan|gaat)\\b(?:\\s+\\S+){0,6}?\\s+(?:betalen|overmaken"
              + "|voldoen|overboeken|betaald|overgemaakt|voldaan)\\b",
          "\\b(?:betaal|betalen)\\b(?:\\s+\\S+){0,4}?\\s+(?:op|voor|uiterlijk|morgen|vandaag"
              + "|overmorgen|volgende|komende|eind|begin|maandag|dinsdag|woensdag|donderdag|vrijdag"
              + "|\\d)",
          "\\b(?:maak|maken)\\s+(?:\\S+\\s+){0,4}?over\\b",
          "\\b(?:kan|kunnen|kunt)\\b(?:\\s+\\S+){0,5}?\\s+(?:betalen|overmaken|voldoen)\\b",
          "\\b(?:betaling|overboeking)\\s+(?:volgt|komt|gaat)\\b");

  private static final Pattern NOT_RECEIVED_INVOICE =
      Pattern.compile(
          "\\b(?:didn't|did\\s+not|never|haven't|have\\s+not|hasn't|has\\s+not|not)\\s+"
              + "(?:yet\\s+|actually\\s+)?(?:receive|received|get|got|seen)\\s+"
              + "(?:the|your|an|this|that|any|a)?\\s*(?:invoice|bill)"
              + "|\\brechnung\\b(?:\\s+\\S+){0,3}?\\s+(?:nicht|nie|noch\\s+nicht)\\s+"
              + "(?:erhalten|bekommen|angekommen|eingegangen)"
              + "|\\bkeine\\s+rechnung\\s+(?:erhalten|bekommen)"
              + "|\\b(?:pas|jamais)\\s+(?:\\S+\\s+)?recu\\s+(?:la|votre|cette|de|une|aucune)?\\s*"
              + "facture"
              + "|\\bfacture\\s+(?:\\S+\\s+){0,2}?(?:pas|jamais)\\s+(?:ete\\s+)?recue"
              + "|\\b(?:no|nunca)\\s+(?:\\S+\\s+){0,2}?recibido\\s+(?:la|su|esta|ninguna)?\\s*"
              + "factura"
              + "|\\b(?:non|mai)\\s+(?:\\S+\\s+){0,2}?ricevut[oa]\\s+(?:la|la\\s+vostra|questa"
              + "|nessuna)?\\s*fattura"
              + "|\\bfactuur\\b(?:\\s+\\S+){0,3}?\\s+(?:niet|nooit|nog\\s+niet)\\s+ontvangen"
              + "|\\bgeen\\s+factuur\\s+ontvangen");

  private static final List<Pattern> DISPUTE =
      patterns(
          // English
          "\\b(?:price|prices|amount|charge|charges|invoice|bill|total|rate|quantity)\\s+"
              + "(?:is|was|are|seems|looks)\\s+(?:\\w+\\s+)?(?:wrong|incorrect|too\\s+high"
              + "|not\\s+correct|not\\s+right|inaccurate)",
          "\\b(?:wrong|incorrect|inaccurate)\\s+(?:price|amount|invoice|bill|charge|quantity|rate)",
          "\\b(?:never|not|didn't|did\\s+not|haven't|have\\s+not|hasn't|has\\s+not)\\s+"
              + "(?:yet\\s+|actually\\s+|even\\s+)?(?:received|receive|got|get)\\b"
              + "(?!\\s+(?:the\\s+|your\\s+|an\\s+|this\\s+|that\\s+|any\\s+|a\\s+)?"
              + "(?:invoice|bill|copy|statement|reminder|e-?mail|mail|letter|pdf))",
          "\\b(?:not|never)\\s+(?:been\\s+)?delivered\\b",
          "\\bnever\\s+(?:arrived|came|turned\\s+up)\\b",
          "\\b(?:damaged|faulty|defective)\\b",
          "\\b(?:not|never|didn't|did\\s+not)\\s+order(?:ed)?\\b",
          "\\b(?:already|have|has|had|we|i)\\s+(?:already\\s+)?(?:returned|sent\\s+back)\\s+"
              + "(?:the|it|them|all|everything|these|those|this|our|my|goods|items?|products?"
              + "|order|parcel|package|delivery)\\b",
          "\\balready\\s+(?:been\\s+)?(?:returned|sent\\s+back)\\b",
          "\\b(?:was|were|been)\\s+returned\\b",
          "\\bcredit\\s+note\\b",
          "\\b(?:dispute|disputed|disputing)\\b",
          "\\b(?:charged\\s+twice|double\\s+charged|duplicate\\s+(?:invoice|charge))\\b",
          "\\b(?:don't|do\\s+not)\\s+owe\\b",
          // German
          "\\brechnung\\s+(?:ist|war|scheint)\\s+(?:\\S+\\s+)?(?:falsch|fehlerhaft|nicht\\s+korrekt"
              + "|nicht\\s+richtig|unrichtig|zu\\s+hoch)",
          "\\b(?:falsche|falscher|falschen|fehlerhafte|fehlerhafter)\\s+(?:rechnung|betrag|preis"
              + "|menge|berechnung)",
          "\\b(?:preis|betrag|menge)\\s+(?:ist|stimmt)\\s+(?:\\S+\\s+)?(?:falsch|nicht)",
          "\\b(?:ware|waren|lieferung|bestellung|artikel|paket|produkt|sendung|leistung)\\b"
              + "[^.!?]{0,40}?\\b(?:nicht|nie|niemals)\\s+(?:erhalten|bekommen|geliefert"
              + "|angekommen|eingetroffen|erbracht)",
          "\\b(?:nicht|nie)\\s+geliefert\\b",
          "\\b(?:beschadigt|mangelhaft|defekt|kaputt|fehlerhaft)\\b",
          "\\b(?:reklamation|reklamiert|reklamieren|widersprechen|widerspruch|bestreiten"
              + "|beanstanden|beanstandung)",
          "\\bnicht\\s+bestellt\\b",
          "\\bgutschrift\\b",
          "\\b(?:zuruckgeschickt|zuruckgesandt|zuruckgesendet|retourniert)\\b",
          // French
          "\\bfacture\\s+(?:est\\s+)?(?:\\S+\\s+)?(?:erronee|incorrecte|fausse|inexacte)",
          "\\b(?:montant|prix)\\s+(?:est\\s+)?(?:\\S+\\s+)?(?:errone|incorrect|faux|trop\\s+eleve)",
          "\\b(?:pas|jamais|rien)\\s+(?:ete\\s+|encore\\s+)?(?:recu|recue|recus|recues|livre"
              + "|livree|livres|livrees)\\b"
              + "(?!\\s+(?:la\\s+|votre\\s+|une\\s+|de\\s+|cette\\s+|d')?(?:facture|copie|relance"
              + "|courrier|mail|e-mail))",
          "\\bnon\\s+livree?s?\\b",
          "\\b(?:endommagee?s?|defectueux|defectueuse|abimee?s?|cassee?s?)\\b",
          "\\bcontest",
          "\\b(?:pas|jamais)\\s+commande",
          "\\b(?:avons|ai|a|ont|deja|ete)\\s+(?:deja\\s+)?retourne",
          "\\b(?:un|votre|cet)\\s+avoir\\b",
          "\\b(?:litige|reclamation)\\b",
          // Spanish
          "\\b(?:factura|importe|precio|cantidad)\\s+(?:es|esta|parece)\\s+(?:\\S+\\s+)?"
              + "(?:incorrect[ao]|errone[ao]|equivocad[ao]|demasiado\\s+alt[ao])",
          "\\b(?:no|nunca)\\s+(?:\\S+\\s+){0,2}?(?:recibido|llegado|entregado)\\s+"
              + "(?:la\\s+|el\\s+|los\\s+|las\\s+)?(?:mercancia|pedido|productos?|material"
              + "|servicio|envio|paquete)",
          "\\b(?:danad[ao]s?|defectuos[ao]s?|rot[ao]s?)\\b",
          "\\b(?:reclamacion|reclamamos|impugnamos|impugnar|disconformidad)\\b",
          "\\bno\\s+(?:lo\\s+|los\\s+)?(?:hemos\\s+|he\\s+)?(?:pedido|encargado)\\b",
          "\\b(?:devuelto|devolvimos|devolucion)\\b",
          "\\b(?:nota\\s+de\\s+credito|factura\\s+rectificativa)\\b",
          // Italian
          "\\b(?:fattura|importo|prezzo)\\s+(?:e\\s+)?(?:\\S+\\s+)?(?:errat[oa]|sbagliat[oa]"
              + "|non\\s+corrett[oa]|inesatt[oa]|troppo\\s+alt[oa])",
          "\\b(?:non|mai)\\s+(?:\\S+\\s+){0,2}?(?:ricevut[oaie]|consegnat[oaie]|arrivat[oaie])"
              + "\\s+(?:la\\s+|il\\s+|i\\s+|le\\s+)?(?:merce|ordine|prodott[oi]|servizio|pacco"
              + "|spedizione|materiale)",
          "\\b(?:danneggiat[oaie]|difettos[oaie]|rott[oaie])\\b",
          "\\b(?:contestiamo|contestare|contestazione|reclamo)\\b",
          "\\bnon\\s+(?:l'|li\\s+|le\\s+)?(?:abbiamo\\s+|ho\\s+)?ordinat",
          "\\b(?:restituit[oaie]|nota\\s+di\\s+credito)\\b",
          // Dutch
          "\\b(?:factuur|bedrag|prijs|aantal)\\s+(?:is\\s+(?:\\S+\\s+)?(?:onjuist|fout|verkeerd"
              + "|niet\\s+correct|te\\s+hoog)|klopt\\s+niet)",
          "\\b(?:verkeerde|onjuiste|foute)\\s+(?:factuur|bedrag|prijs)",
          "\\b(?:goederen|bestelling|levering|pakket|product|producten|dienst|zending)\\b"
              + "[^.!?]{0,40}?\\b(?:niet|nooit)\\s+(?:ontvangen|geleverd|aangekomen)",
          "\\bniet\\s+geleverd\\b",
          "\\b(?:beschadigd|defect|kapot|gebrekkig)\\b",
          "\\b(?:betwisten|betwist|bezwaar|klacht|reclamatie)\\b",
          "\\bniet\\s+besteld\\b",
          "\\b(?:teruggestuurd|geretourneerd|creditnota)\\b");

  private static final List<Pattern> HARDSHIP =
      patterns(
          // English
          "\\b(?:difficult|hard|tough|rough)\\s+(?:time|times|period|situation|financial)",
          "\\bfinancial\\s+(?:difficult|hardship|problem|trouble|issue|strain|situation)",
          "\\bcash\\s*-?flow\\s+(?:problem|issue|difficult|is\\s+tight|trouble)",
          "\\b(?:can't|cannot|can\\s+not|unable\\s+to|not\\s+able\\s+to|could\\s+not|couldn't"
              + "|been\\s+able\\s+to)\\s+(?:currently\\s+|really\\s+)?(?:afford|pay)\\b",
          "\\bstruggl\\w*\\s+(?:to\\s+pay|financially|with\\s+(?:money|bills|debts?|payments))",
          "\\b(?:i'm|i\\s+am|we're|we\\s+are)\\s+(?:really\\s+|still\\s+)?struggling\\b",
          "\\bmade\\s+redundant\\b|\\bredundanc(?:y|ies)\\b",
          "\\blost\\s+(?:my|his|her|our|their)\\s+job",
          "\\b(?:unemployed|out\\s+of\\s+work|illness|ill|sick|hospitali[sz]ed|bereave\\w*"
              + "|passed\\s+away|died|hardship)\\b",
          "\\bin\\s+(?:the\\s+)?hospital\\b",
          "\\b(?:insolven|bankrupt)",
          "\\binto\\s+administration\\b",
          // German
          "\\bfinanziell\\w*\\s+(?:schwierigkeit|engpass|probleme|notlage|lage|sorgen)",
          "\\b(?:zahlungs|liquiditats|finanz)?engpass",
          "\\bschwierige\\w*\\s+(?:zeit|lage|situation|phase)",
          "\\b(?:kann|konnen|konnte|konnten)\\b(?:\\s+\\S+){0,4}?\\s+(?:nicht|kaum)\\b"
              + "(?:\\s+\\S+){0,3}?\\s+(?:zahlen|bezahlen|begleichen|leisten|uberweisen)\\b",
          "\\bnicht\\s+(?:\\S+\\s+)?(?:zahlen|bezahlen|begleichen)\\s+(?:kann|konnen)\\b",
          "\\b(?:arbeitslos|insolven|todesfall|verstorben|schuldnerberatung|kurzarbeit|erkrankt"
              + "|krankheit)",
          "\\bkrank\\b|\\b(?:im|ins)\\s+krankenhaus\\b",
          "\\bjob\\s+verloren\\b",
          "\\b(?:gekundigt\\s+worden|gekundigt\\s+wurde|wurde\\s+gekundigt)",
          // French
          "\\bdifficultes?\\s+(?:financiere|de\\s+tresorerie|economique|passagere)",
          "\\bproblemes?\\s+(?:de\\s+tresorerie|financier|d'argent)",
          "\\btresorerie\\s+(?:tendue|difficile)",
          "\\b(?:peux|pouvons|peut|pourrai|pourrons|pourra)\\s+pas\\s+(?:\\S+\\s+){0,2}?"
              + "(?:payer|regler)\\b",
          "\\bpas\\s+les\\s+moyens\\b",
          "\\b(?:chomage|chomeur|chomeuse|licencie|licenciee|licenciement|malade|maladie"
              + "|hospitalise|hospitalisee|deces|decede|decedee|faillite|surendettement)\\b",
          "\\ba\\s+l'hopital\\b",
          "\\b(?:redressement|liquidation)\\s+judiciaire",
          "\\bperiode\\s+difficile",
          // Spanish
          "\\bdificultades\\s+(?:economicas|financieras|de\\s+liquidez)",
          "\\bproblemas\\s+(?:economicos|financieros|de\\s+liquidez|de\\s+tesoreria)",
          "\\bno\\s+(?:podemos|puedo|podre|podremos)\\s+(?:\\S+\\s+){0,2}?(?:pagar|abonar)\\b",
          "\\b(?:desemplead[ao]|en\\s+paro|despedid[ao]|enferm[ao]|enfermedad|hospitalizad[ao]"
              + "|en\\s+el\\s+hospital|fallecid[ao]|fallecimiento|concurso\\s+de\\s+acreedores"
              + "|quiebra)\\b",
          "\\b(?:momento|epoca|situacion)\\s+dificil",
          // Italian
          "\\bdifficolta\\s+(?:economiche|finanziarie|di\\s+liquidita)",
          "\\bproblemi\\s+(?:economici|finanziari|di\\s+liquidita)",
          "\\bnon\\s+(?:posso|possiamo|potro|potremo|riesco|riusciamo)\\s+(?:a\\s+)?"
              + "(?:\\S+\\s+){0,2}?(?:pagare|saldare)\\b",
          "\\b(?:disoccupat[oa]|licenziat[oa]|malat[oa]|malattia|ricoverat[oa]|in\\s+ospedale"
              + "|decedut[oa]|lutto|fallimento|concordato\\s+preventivo|cassa\\s+integrazione)\\b",
          "\\b(?:momento|periodo)\\s+difficile",
          // Dutch
          "\\bfinanciele\\s+(?:problemen|moeilijkheden|zorgen)",
          "\\b(?:geldzorgen|betalingsproblemen|liquiditeitsproblemen)",
          "\\b(?:kan|kunnen)\\b(?:\\s+\\S+){0,6}?\\s+(?:niet|nauwelijks)\\b(?:\\s+\\S+){0,3}?\\s+"
              + "(?:betalen|voldoen)\\b",
          "\\bniet\\s+(?:\\S+\\s+)?(?:betalen|voldoen)\\s+(?:kan|kunnen)\\b",
          "\\b(?:werkloos|ontslagen|ziek|ziekte|ziekenhuis|overleden|overlijden|failliet"
              + "|faillissement|schuldsanering|schuldhulp)",
          "\\bmoeilijke\\s+(?:tijd|periode|situatie)");

  private static final List<Pattern> INVOICE_COPY =
      patterns(
          // English
          "\\b(?:send|resend|re-send|forward|email|e-mail|mail)\\s+(?:me|us)?\\s*"
              + "(?:a|an|another|the)?\\s*(?:new\\s+)?(?:copy|duplicate|pdf)\\b",
          "\\bcopy\\s+of\\s+(?:the|this|that|your|our|my)?\\s*(?:invoice|bill|statement)",
          "\\b(?:resend|re-send|send\\s+again|send)\\s+(?:me|us)?\\s*(?:the|this|that|a|an)?\\s*"
              + "(?:invoice|bill)",
          "\\b(?:need|want|like|have)\\s+(?:the|a|this|that)?\\s*(?:invoice|bill)\\s+again",
          "\\b(?:invoice|bill)\\s+again\\b",
          "\\b(?:can|could|may)\\s+(?:you|i|we)\\s+(?:have|get|receive)\\s+(?:a\\s+)?copy\\b",
          // German
          "\\bkopie\\s+(?:der|ihrer|dieser|unserer|von\\s+der)?\\s*rechnung",
          "\\b(?:rechnungskopie|rechnungsduplikat|duplikat)",
          "\\brechnung\\s+(?:\\S+\\s+){0,3}?(?:erneut|nochmal|nochmals|noch\\s+einmal|wieder)\\b",
          "\\b(?:erneut|nochmal|nochmals|noch\\s+einmal)\\s+(?:\\S+\\s+){0,3}?rechnung",
          "\\brechnung\\s+(?:\\S+\\s+){0,2}?(?:zusenden|zuschicken|zukommen\\s+lassen)",
          // French
          "\\bcopie\\s+(?:de\\s+(?:la|votre|cette)\\s+|du\\s+)?(?:facture|releve)",
          "\\bduplicata\\b",
          "\\b(?:renvoyer|renvoyez|reenvoyer|retransmettre|transmettre\\s+a\\s+nouveau|envoyer"
              + "\\s+a\\s+nouveau)\\s+(?:\\S+\\s+){0,2}?facture",
          "\\bfacture\\s+a\\s+nouveau\\b",
          // Spanish
          "\\bcopia\\s+(?:de\\s+(?:la|esta|su)\\s+)?factura",
          "\\b(?:reenviar|reenvien|reenvie|reenviarnos|reenviarme|volver\\s+a\\s+enviar"
              + "|enviar\\s+de\\s+nuevo|envien\\s+de\\s+nuevo|mandar\\s+de\\s+nuevo)\\s+"
              + "(?:\\S+\\s+){0,2}?factura",
          "\\b(?:duplicado|factura\\s+de\\s+nuevo)\\b",
          // Italian
          "\\bcopia\\s+(?:della|di\\s+questa|della\\s+vostra)?\\s*fattura",
          "\\b(?:reinviare|reinviarci|reinviarmi|rimandare|rimandarci|rimandarmi|rispedire"
              + "|inviare\\s+di\\s+nuovo|inviarci\\s+di\\s+nuovo|inviarmi\\s+di\\s+nuovo)\\s+"
              + "(?:\\S+\\s+){0,2}?fattura",
          "\\b(?:duplicato|fattura\\s+di\\s+nuovo)\\b",
          // Dutch
          "\\bkopie\\s+(?:van\\s+(?:de|deze|uw)\\s+)?factuur",
          "\\bfactuur\\s+(?:\\S+\\s+){0,3}?(?:opnieuw|nogmaals|nog\\s+een\\s+keer|nog\\s+eens)\\b",
          "\\b(?:opnieuw|nogmaals)\\s+(?:\\S+\\s+){0,3}?factuur",
          "\\bduplicaat\\b");

  private static final List<Pattern> INVOICE_COPY_OR_NOT_RECEIVED =
      concat(INVOICE_COPY, NOT_RECEIVED_INVOICE);

  private static final Pattern NEGATION =
      Pattern.compile(
          "\\b(?:not|never|cannot|unable|yet\\s+to|nicht|nie|niemals|kein|keine|keinen|pas"
              + "|jamais|ne|aucun|aucune|rien|nunca|jamas|ningun|ninguna|nada|non|nessun|nessuna"
              + "|niente|niet|nooit|geen|niets)\\b|\\bno\\b(?!\\.?\\s*\\d)|n't\\b|\\bn'");
  private static final Pattern FUTURE =
      Pattern.compile(
          "\\b(?:will|shall|going\\s+to|gonna|would|should|plan\\s+to|planning\\s+to|intend\\s+to"
              + "|try\\s+to|trying\\s+to|hope\\s+to|about\\s+to|want\\s+to|once|if|as\\s+soon\\s+as"
              + "|until|werde|werden|wird|wirst|werdet|soll|sollen|sobald|wenn|falls|vais|va"
              + "|allons|allez|vont|sera|seront|serai|serons|pourra|pourrons|pourrai|devra|devrons"
              + "|des\\s+que|lorsque|vamos|voy|sera|seran|podremos|cuando|en\\s+cuanto|sara"
              + "|una\\s+vez\\s+que|hasta\\s+que|saranno|verra|verranno|quando|appena"
              + "|una\\s+volta\\s+che|potremo|dovremo|zal|zullen|zult|ga|gaan|gaat|wordt|worden"
              + "|zodra|wanneer|indien)\\b|'ll\\b");
  private static final Pattern PASSIVE_BEFORE =
      Pattern.compile("\\b(?:be|get|gets|getting|to|being)\\s+$");
  private static final Pattern PASSIVE_AFTER = Pattern.compile("^\\s+(?:werden|worden)\\b");
  private static final Pattern CLAUSE_BREAK =
      Pattern.compile(
          "[,;:()]|\\s-\\s|\\b(?:but|however|although|aber|jedoch|sondern|allerdings|mais"
              + "|cependant|pourtant|pero|sin\\s+embargo|aunque|tuttavia|maar|echter|hoewel)\\b");

  private static final Pattern PAYMENT_REFERENCE =
      Pattern.compile(
          "(?<![\\p{L}\\d])(?:(?:payment|transfer|bank|zahlungs|überweisungs|ueberweisungs)\\s*)?"
              + "(?:référence|reference|referenz|ref|réf|transaction(?:\\s+id)?|txn"
              + "|verwendungszweck|referencia|concepto|riferimento|causale|referentie"
              + "|betalingskenmerk|kenmerk)(?![\\p{L}])\\.?"
              + REFERENCE_TAIL,
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern CODED_NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\d])(?<reference>(?:inv|re|rg|rn|fa|fac|fact)[-/]?\\d[\\p{L}\\d/_-]*)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern INVOICE_NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\d])(?:invoice|inv|rechnungsnummer|rechnung|rg|facture|fact|factura|fattura"
              + "|factuur)(?![\\p{L}])"
              + "\\.?"
              + REFERENCE_TAIL,
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private ReplyReading() {}

  /**
   * Returns what {@code newText} (the customer's own words, see {@link ReplyText#newText(String)})
   * seems to say, at most one suggestion per {@link Kind}, in the order of {@link Kind}. Each
   * suggestion carries the first sentence that triggered it as evidence.
   *
   * <ul>
   *   <li>{@code ALREADY_PAID} for "we have paid", "payment was made", "bereits überwiesen",
   *       "Zahlung ist raus", "j'ai payé", "le virement a été effectué" and the like, unless
   *       negated, still to come ("not paid yet", "will be paid", "pas encore payé") or asked as a
   *       question ("Is it paid?"); with the date of payment when given ({@link
   *       ReplyDates#firstPast(String, LocalDate)}) and a payment reference ("ref 88231",
   *       "Referenz: AB-123", "référence VIR-2026-11") or, failing that, an invoice number
   *       mentioned anywhere in the text.
   *   <li>{@code WILL_PAY} for "we will pay", "payment will be made", "wir werden … überweisen",
   *       "zahlen am", "nous paierons", "le paiement sera effectué" and the like, only with a date
   *       in the same sentence ({@link ReplyDates#first(String, LocalDate)}) from {@code received}
   *       to six months after it; a date after the promise is preferred to one before it. No such
   *       date, no suggestion: "next week" or "as soon as possible" are not dates, and "2 December"
   *       written on 3 December would mean a year later, which is not taken as a promise.
   *   <li>{@code DISPUTE} for a wrong invoice or price, goods not received, damaged or not ordered,
   *       returns and credit notes, "Reklamation", "widersprechen", "facture erronée", "contester"
   *       and the like.
   *   <li>{@code HARDSHIP} for money, work, health or bereavement trouble: "cash flow problems",
   *       "lost my job", "finanzielle Schwierigkeiten", "arbeitslos", "difficultés financières",
   *       "hospitalisé" and the like.
   *   <li>{@code INVOICE_COPY} for "send me a copy of the invoice", "didn't receive the invoice",
   *       "Kopie der Rechnung", "Rechnung nicht erhalten", "renvoyer la facture", "pas reçu la
   *       facture" and the like. Not receiving the invoice is not a dispute; not receiving the
   *       goods is.
   * </ul>
   *
   * <pre>{@code
   * ReplyReading.suggestions("We will pay on Friday.", LocalDate.of(2026, 12, 3))
   * // [Suggestion[kind=WILL_PAY, date=2026-12-04, reference=null, evidence=We will pay on Friday.]]
   * }</pre>
   *
   * @param newText the customer's words; null or blank gives an empty list
   * @param received the day the reply was received, which weekdays and "tomorrow" are read from
   * @throws NullPointerException when {@code received} is null
   */
  public static List<Suggestion> suggestions(String newText, LocalDate received) {
    Objects.requireNonNull(received, "received");
    if (newText == null || newText.isBlank()) {
      return List.of();
    }
    Reply reply = new Reply(newText, received);
    List<Suggestion> suggestions = new ArrayList<>();
    alreadyPaid(reply).ifPresent(suggestions::add);
    willPay(reply).ifPresent(suggestions::add);
    simple(reply, Kind.DISPUTE, DISPUTE, true).ifPresent(suggestions::add);
    simple(reply, Kind.HARDSHIP, HARDSHIP, false).ifPresent(suggestions::add);
    simple(reply, Kind.INVOICE_COPY, INVOICE_COPY_OR_NOT_RECEIVED, false)
        .ifPresent(suggestions::add);
    return List.copyOf(suggestions);
  }

  /** A reply prepared for reading: composed, folded, split, with its dates found both ways. */
  private static final class Reply {
    final String text;
    final String folded;
    final List<ReplyDates.Found> pastDates;
    final List<ReplyDates.Found> futureDates;
    final List<Sentences.Span> sentences;
    final LocalDate received;

    Reply(String raw, LocalDate received) {
      this.received = received;
      text = Fold.nfc(raw);
      folded = Fold.fold(text);
      pastDates = ReplyDates.inFolded(folded, received, true);
      futureDates = ReplyDates.inFolded(folded, received, false);
      sentences = Sentences.split(text, folded, futureDates);
    }

    String folded(Sentences.Span sentence) {
      return folded.substring(sentence.start(), sentence.end());
    }

    String evidence(Sentences.Span sentence) {
      return Sentences.evidence(text, sentence);
    }
  }

  private static Optional<Suggestion> alreadyPaid(Reply reply) {
    for (Sentences.Span sentence : reply.sentences) {
      String folded = reply.folded(sentence);
      if (folded.endsWith("?")) {
        continue;
      }
      for (Pattern pattern : ALREADY_PAID) {
        Matcher m = pattern.matcher(folded);
        while (m.find()) {
          if (negated(folded, m) || stillToCome(folded, m)) {
            continue;
          }
          LocalDate date =
              reply.pastDates.stream()
                  .filter(d -> inside(d, sentence))
                  .map(ReplyDates.Found::date)
                  .findFirst()
                  .orElse(null);
          String text = reply.text.substring(sentence.start(), sentence.end());
          String reference = reference(text).or(() -> reference(reply.text)).orElse(null);
          return Optional.of(
              new Suggestion(Kind.ALREADY_PAID, date, reference, reply.evidence(sentence)));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Suggestion> willPay(Reply reply) {
    for (Sentences.Span sentence : reply.sentences) {
      String folded = reply.folded(sentence);
      for (Pattern pattern : WILL_PAY) {
        Matcher m = pattern.matcher(folded);
        while (m.find()) {
          if (negated(folded, m)) {
            continue;
          }
          int cue = sentence.start() + m.start();
          List<ReplyDates.Found> dates =
              reply.futureDates.stream()
                  .filter(d -> inside(d, sentence) && isPromisable(d.date(), reply.received))
                  .toList();
          Optional<LocalDate> date =
              dates.stream()
                  .filter(d -> d.start() >= cue)
                  .findFirst()
                  .or(() -> dates.stream().findFirst())
                  .map(ReplyDates.Found::date);
          if (date.isPresent()) {
            return Optional.of(
                new Suggestion(Kind.WILL_PAY, date.get(), null, reply.evidence(sentence)));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Suggestion> simple(
      Reply reply, Kind kind, List<Pattern> patterns, boolean invoiceNotReceivedIsNotIt) {
    for (Sentences.Span sentence : reply.sentences) {
      String folded = reply.folded(sentence);
      if (invoiceNotReceivedIsNotIt && NOT_RECEIVED_INVOICE.matcher(folded).find()) {
        folded = NOT_RECEIVED_INVOICE.matcher(folded).replaceAll(" ");
      }
      for (Pattern pattern : patterns) {
        if (pattern.matcher(folded).find()) {
          return Optional.of(new Suggestion(kind, null, null, reply.evidence(sentence)));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isPromisable(LocalDate date, LocalDate received) {
    return !date.isBefore(received) && !date.isAfter(received.plusDays(PROMISE_HORIZON_DAYS));
  }

  private static boolean inside(ReplyDates.Found date, Sentences.Span sentence) {
    return date.start() >= sentence.start() && date.end() <= sentence.end();
  }

  /** True when the clause leading up to the cue, or the cue itself, says no. */
  private static boolean negated(String sentence, Matcher cue) {
    return NEGATION.matcher(clauseUpTo(sentence, cue.start()) + cue.group()).find();
  }

  /** True when the clause leading up to the cue puts the payment in the future. */
  private static boolean stillToCome(String sentence, Matcher cue) {
    String before = clauseUpTo(sentence, cue.start());
    return FUTURE.matcher(before + cue.group()).find()
        || PASSIVE_BEFORE.matcher(before).find()
        || PASSIVE_AFTER.matcher(sentence.substring(cue.end())).find();
  }

  private static String clauseUpTo(String sentence, int end) {
    String before = sentence.substring(0, end);
    Matcher breaks = CLAUSE_BREAK.matcher(before);
    int start = 0;
    while (breaks.find()) {
      start = breaks.end();
    }
    return before.substring(start);
  }

  private static Optional<String> reference(String text) {
    for (Pattern pattern : List.of(PAYMENT_REFERENCE, CODED_NUMBER, INVOICE_NUMBER)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        String token = m.group("reference").replaceAll("[-/_]+$", "");
        if (token.length() >= 3 && token.chars().anyMatch(Character::isDigit)) {
          return Optional.of(token);
        }
      }
    }
    return Optional.empty();
  }

  private static List<Pattern> concat(List<Pattern> patterns, Pattern more) {
    List<Pattern> all = new ArrayList<>(patterns);
    all.add(more);
    return List.copyOf(all);
  }

  private static List<Pattern> patterns(String... regexes) {
    List<Pattern> patterns = new ArrayList<>(regexes.length);
    for (String regex : regexes) {
      patterns.add(Pattern.compile(regex));
    }
    return List.copyOf(patterns);
  }
}
