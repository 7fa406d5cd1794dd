/*
 * NAME
 *	lureword - the words phishing lures put beside a brand's name
 * SUMMARY
 *	Binary search of the project's keyword list.
 * DESCRIPTION
 *	The list is the project's own, written from what phishing reports
 *	find beside brand names in registered domains (secure-paypal,
 *	paypal-login, microsoft-support, dhl-tracking), and phishing is
 *	not written in English only: a lure speaks the language of the
 *	bank, the post or the tax office it wears.  So the words are
 *	there in the big languages of the mail phishwatch watches:
 *	English, French, German, Spanish, Italian, Portuguese, Dutch,
 *	Polish, Swedish, Turkish and Indonesian, each for what a lure
 *	asks or promises: the account and "my" account (compte, konto,
 *	cuenta, conta, rekening, mijn, mein, moncompte), signing in
 *	(connexion, anmelden, acceso, accedi, inloggen, logowanie, giris),
 *	security and verification (securite, sicherheit, seguridad,
 *	verifica, weryfikacja, bestaetigung), authorizing a payment or
 *	a sign-in (autorisation, autorizacion, autoryzacja), managing the
 *	account and its activity (gerer, verwalten, activite, aktywnosc),
 *	the government's name that tax and benefit lures wear (gov, gouv,
 *	gob, govt: irs-gov, impots-gouv), the customer and its service
 *	(client, kunden, cliente, klant, obsluga), payment, invoice and
 *	card (paiement, rechnung, factura, fattura, platnosc, tarjeta,
 *	cartao), the account's statement or summary (releve,
 *	kontoauszug, extracto, wyciag), subscriptions (the English word
 *	beside abonnement, assinatura, prenumeration), finding a lost
 *	phone (find: Apple's Find My lures), parcels, delivery and
 *	customs (colis, paket, paquete, pacco, encomenda, pakket, paczka,
 *	przesylka, douane, zoll), tracking them (suivi, verfolgen, volgen,
 *	sledzenie, lacak) and the fee a parcel lure asks for (frais,
 *	gebuhr, tarifa, taxa, oplata, avgift, ucret, biaya), refunds,
 *	rebates, fines, penalties and taxes (remboursement, erstattung,
 *	reembolso, rimborso, impots, steuer, hacienda, belasting, podatek,
 *	multa, ceza, denda), the new terms, policy or consent an account
 *	"will be limited" without (agree, accept, terms, policy, consent;
 *	conditions, zustimmung, terminos, termini, termos, voorwaarden,
 *	regulamin, villkor, sozlesme, syarat),
 *	a blocked account and its unlocking (bloque, gesperrt, bloqueado,
 *	sblocca, odblokuj), notices, passwords, updates, help, gifts and
 *	orders; and the rest of the English list's words in the other
 *	languages: activation, cancelling, claims and fraud, expiry and
 *	limits, members, offers and discounts, registration, downloads,
 *	receipts, renewal, reset and recovery, tickets, tolls (peage,
 *	maut, peaje, pedaggio), insurance, private and business
 *	customers, a new device (appareil, geraet, dispositivo, apparaat:
 *	ledger-apparaat, a harmful host on uBlock Origin's list) and a
 *	reward (recompensa, belohnung, beloning).  In English, and in the
 *	other languages where they have words of their own, the social
 *	networks' copyright and verification lures (facebook-copyright,
 *	instagram-verified; verifiziert, verstoss, urheberrecht), an
 *	account restricted, blocked, closed or terminated or warned of
 *	unusual activity and its reactivation (restreint, resiliation,
 *	opzegging, inhabituel, waarschuwing, reaktywacja), a transfer's
 *	beneficiary (beneficiaire), mail held in quarantine (quarantaine),
 *	followers to buy (seguidores, takipci), a salary and a pension
 *	(salaire, gehalt, retraite, pensioen), membership and loyalty
 *	(mitgliedschaft, fidelite), registration (registratie, kayit) and
 *	a wallet to synchronize (synchroniser); in English only, tax
 *	relief (irs-stimulus), cashback, rebates and a payee, a payment
 *	declined, failed, overdue, outstanding or charged back, a payout,
 *	a withdrawal, a transaction, a purchase approved, renewals and an
 *	expiry, an account frozen, compromised, breached, hacked or
 *	stolen, and a courier, postage and customs clearance
 *	(metamaskreactivate and twitterfollowers are a squat on MetaMask's
 *	list and a harmful host).  Crypto drainers' lures, in any
 *	language, offer coins and tokens and ask to do something with
 *	them: airdrop, wallet,
 *	usdt, usdc, nft, token, defi, swap, stake (metamask-usdt,
 *	opensea-nft-offers, ethereumdefi, as MetaMask's and ScamSniffer's
 *	lists show); not the tickers of coins that are words' pieces (eth
 *	of method, btc beside a name: bigbtc, free-btc), dapp (nabdapp,
 *	a bank's own app) nor mint, a common word (mint-kolleg).  Words
 *	are ASCII, written without accents as domain names carry them
 *	(securite; German umlauts both ways: bestaetigung, bestatigung).
 *
 *	Left out on purpose: words that are ordinary parts of longer names
 *	(ma, mi, de, le, mes, lid); "bank" in the other languages (banco,
 *	banque, banca): before a bank's name it is the bank's own name
 *	(bancosantander.es is Banco Santander's); "poste", a brand label
 *	itself, which would make laposte a keyword after two letters, whose
 *	typos the rules then leave out (lookalike.c); country names
 *	(paypal-deutschland, paypal-brasil, visaeurope: how owners name
 *	their country sites); the words of a top-up (topup, recharge,
 *	recarga, opwaarderen), badge and lottery, which resellers of
 *	airtime and credit, makers of trust badges and lottery companies
 *	name their own sites with (paypal-opwaarderen.nl, trust-badge.co,
 *	lotteryoffice.com.au); feedback, survey and tickets, which
 *	customer surveys and ticket sellers are named with
 *	(telegram-feedback.com, universitytickets.com); words of brands'
 *	own products (authenticator, migrate: Microsoft Authenticator,
 *	Azure Migrate); and codes of three letters (otp, mfa, fax),
 *	which after a letter or two would make a brand label narrow
 *	(efax).
 *
 *	The words are one sorted array of strings, searched by binary
 *	search: about ten comparisons a lookup, whatever the number of
 *	brands.
 */
#include <stdlib.h>
#include <string.h>

#include "lureword.h"

/* A string with its length: a word of the list, or the key of bsearch. */
struct lureword_span {
	const char *s;
	size_t len;
};

/* Sorted (C locale), no word longer than LUREWORD_MAX; in rows, as
 * many as fit, not one a line. */
/* clang-format off */
static const struct lureword_span lureword_words[] = {
#define W(word) {word, sizeof(word) - 1}
    W("aanbieding"), W("aanmelden"), W("abbonamento"), W("abgelaufen"),
    W("ablauf"), W("abonament"), W("abonelik"), W("abonnement"), W("abonnes"),
    W("acceder"), W("accedi"), W("accept"), W("accepter"), W("accepteren"),
    W("acces"), W("acceso"), W("access"), W("accesso"), W("accetta"),
    W("accettare"), W("accordo"), W("account"), W("accounts"), W("accueil"),
    W("aceitar"), W("aceptar"), W("acessar"), W("acesso"), W("acordo"),
    W("actie"), W("activacion"), W("activar"), W("activate"), W("activation"),
    W("activer"), W("activeren"), W("actividad"), W("activite"),
    W("activiteit"), W("activity"), W("actualites"), W("actualizacion"),
    W("actualizar"), W("acuerdo"), W("adherent"), W("adhesion"), W("admin"),
    W("aduana"), W("advertencia"), W("afschrift"), W("afspraak"),
    W("aggiorna"), W("aggiornamento"), W("agree"), W("agreement"), W("aide"),
    W("airdrop"), W("aiuto"), W("ajuda"), W("akceptuj"), W("akkoord"),
    W("aktion"), W("aktivieren"), W("aktivierung"), W("aktivitaet"),
    W("aktivitas"), W("aktivitat"), W("aktivite"), W("aktivitet"),
    W("aktualisieren"), W("aktualisierung"), W("aktualizacja"), W("aktywacja"),
    W("aktywnosc"), W("aktywuj"), W("akun"), W("alert"), W("alerta"),
    W("alerte"), W("alerts"), W("alfandega"), W("allocation"), W("amende"),
    W("angebot"), W("angebote"), W("anmelden"), W("anmeldung"),
    W("annulation"), W("annuler"), W("annuleren"), W("annulla"),
    W("annullamento"), W("anulowanie"), W("anuluj"), W("aposentadoria"),
    W("app"), W("apparaat"), W("appareil"), W("appeal"), W("appli"),
    W("approval"), W("approve"), W("approved"), W("apps"), W("assicurazione"),
    W("assinatura"), W("assist"), W("assistance"), W("assistenza"),
    W("assurance"), W("atencion"), W("atendimento"), W("ativacao"),
    W("ativar"), W("atividade"), W("attente"), W("attesa"), W("attiva"),
    W("attivazione"), W("attivita"), W("atualizacao"), W("atualizar"),
    W("ausstehend"), W("ausweis"), W("auteursrecht"), W("auth"),
    W("authenticate"), W("authentication"), W("authorisation"), W("authorise"),
    W("authorization"), W("authorize"), W("autorisatie"), W("autorisation"),
    W("autoriser"), W("autoriseren"), W("autorisieren"), W("autorisierung"),
    W("autorizacao"), W("autorizacion"), W("autorizar"), W("autorizza"),
    W("autorizzazione"), W("autoryzacja"), W("autoryzuj"), W("avertissement"),
    W("avgift"), W("aviso"), W("avtal"), W("avvertimento"), W("avviso"),
    W("award"), W("ayuda"), W("baixar"), W("bank"), W("banking"),
    W("bedingungen"), W("beeindiging"), W("begransad"), W("begrenzt"),
    W("beguenstigter"), W("begunstigde"), W("begunstigter"), W("beheren"),
    W("bekrafta"), W("belasting"), W("belastingdienst"), W("beleg"),
    W("beleid"), W("belohnung"), W("beloning"), W("benachrichtigung"),
    W("beneficiaire"), W("beneficiario"), W("beneficiary"), W("beneficios"),
    W("beneficjent"), W("benefits"), W("beperkt"), W("bericht"),
    W("bescherming"), W("bestaetigen"), W("bestaetigung"), W("bestatigen"),
    W("bestatigung"), W("bestelling"), W("bestellung"), W("bestellungen"),
    W("betalen"), W("betaling"), W("betalingen"), W("betalning"), W("betrug"),
    W("beveiliging"), W("bevestigen"), W("bevestiging"), W("bezahlen"),
    W("bezahlung"), W("bezorging"), W("bezpieczenstwo"), W("bezpieczny"),
    W("biaya"), W("biglietto"), W("bijwerken"), W("bildirim"), W("bilet"),
    W("bilhete"), W("billet"), W("billing"), W("bloccata"), W("bloccato"),
    W("blocked"), W("blokada"), W("bloque"), W("bloqueada"), W("bloqueado"),
    W("bloqueio"), W("bloqueo"), W("boete"), W("boleto"), W("bonus"),
    W("breach"), W("brinde"), W("buono"), W("business"), W("bussgeld"),
    W("cadastro"), W("cadeau"), W("caducado"), W("cancel"), W("cancelacion"),
    W("cancelamento"), W("cancelar"), W("card"), W("care"), W("carta"),
    W("cartao"), W("carte"), W("cartes"), W("cartoes"), W("case"),
    W("cashback"), W("cdn"), W("center"), W("centre"), W("ceza"),
    W("chargeback"), W("check"), W("chiusura"), W("cierre"), W("cihaz"),
    W("claim"), W("clearance"), W("click"), W("client"), W("cliente"),
    W("clientes"), W("clienti"), W("clients"), W("closure"), W("cloture"),
    W("cloud"), W("colis"), W("commande"), W("commandes"), W("compromised"),
    W("comprovante"), W("compte"), W("comptes"), W("concorso"), W("concours"),
    W("condiciones"), W("condicoes"), W("conditions"), W("condizioni"),
    W("conferma"), W("confirm"), W("confirmacao"), W("confirmacion"),
    W("confirmar"), W("confirmation"), W("confirmer"), W("connect"),
    W("connecter"), W("connexion"), W("consegna"), W("consenso"), W("consent"),
    W("consentement"), W("consentimento"), W("consentimiento"), W("conta"),
    W("contact"), W("contacto"), W("contas"), W("contato"), W("contatto"),
    W("contestazione"), W("conto"), W("contrasena"), W("controle"),
    W("copyright"), W("corp"), W("correio"), W("correios"), W("correo"),
    W("correos"), W("coupon"), W("courier"), W("courrier"), W("cuarentena"),
    W("cuenta"), W("cuentas"), W("cupon"), W("customer"), W("customers"),
    W("customs"), W("czlonek"), W("czlonkostwo"), W("dados"), W("darmowe"),
    W("dashboard"), W("daten"), W("dati"), W("datos"), W("deactivate"),
    W("deactivation"), W("deblocage"), W("debloquer"), W("declined"),
    W("defi"), W("delivery"), W("denda"), W("desbloquear"), W("descargar"),
    W("desconto"), W("descuento"), W("desk"), W("destek"), W("device"),
    W("devolucao"), W("devolucion"), W("dibatasi"), W("dienst"), W("diensten"),
    W("disabled"), W("dispositivo"), W("disputa"), W("dispute"), W("docs"),
    W("document"), W("documenti"), W("documento"), W("documentos"),
    W("documents"), W("dogana"), W("dogrulama"), W("dogrulanmis"),
    W("dokumen"), W("dokument"), W("dokumente"), W("dokumenty"), W("donnees"),
    W("doplata"), W("dossier"), W("dostawa"), W("douane"), W("download"),
    W("downloaden"), W("drive"), W("eingeschraenkt"), W("eingeschrankt"),
    W("einloggen"), W("einwilligung"), W("ekstre"), W("emerytura"),
    W("empleo"), W("emploi"), W("emprego"), W("empresas"), W("encerramento"),
    W("encomenda"), W("encomendas"), W("enligne"), W("enlinea"), W("enroll"),
    W("entrar"), W("entrate"), W("entrega"), W("entreprise"), W("entreprises"),
    W("entsperren"), W("envio"), W("envios"), W("envoi"), W("erstattung"),
    W("esign"), W("espace"), W("espaceclient"), W("estratto"), W("expirado"),
    W("expiration"), W("expire"), W("expired"), W("expires"), W("expiring"),
    W("expiry"), W("express"), W("extracto"), W("extrato"), W("factura"),
    W("facturacion"), W("facturas"), W("facturation"), W("facture"),
    W("facturen"), W("factures"), W("factuur"), W("failed"), W("failure"),
    W("faktura"), W("faktury"), W("fattura"), W("fatture"), W("fatura"),
    W("faturas"), W("fedelta"), W("fee"), W("fees"), W("fermeture"),
    W("fidelidad"), W("fidelidade"), W("fidelite"), W("file"), W("files"),
    W("financas"), W("finanzamt"), W("find"), W("firma"), W("fix"),
    W("follower"), W("followers"), W("form"), W("frais"), W("fraud"),
    W("fraude"), W("freeze"), W("frode"), W("frozen"), W("gagnant"), W("gaji"),
    W("ganador"), W("ganhador"), W("geblokkeerd"), W("gebuehr"), W("gebuhr"),
    W("gehalt"), W("geraet"), W("gerat"), W("gerenciar"), W("gerer"),
    W("geschaeftskunden"), W("geschaftskunden"), W("geschenk"), W("gesperrt"),
    W("gestionar"), W("gestisci"), W("geverifieerd"), W("gewinn"),
    W("gewinnspiel"), W("gift"), W("giftcard"), W("giris"), W("giveaway"),
    W("gob"), W("godkann"), W("gouv"), W("gov"), W("govt"), W("gratis"),
    W("gratuit"), W("gratuito"), W("group"), W("gutschein"), W("guvenlik"),
    W("hacienda"), W("hacked"), W("hadiah"), W("hantera"), W("haslo"),
    W("hediye"), W("help"), W("helpdesk"), W("helpline"), W("heractiveren"),
    W("herstellen"), W("herunterladen"), W("hesabim"), W("hesap"), W("hilfe"),
    W("hinweis"), W("home"), W("http"), W("https"), W("hulp"), W("iade"),
    W("id"), W("identidad"), W("identidade"), W("identifiant"),
    W("identifiants"), W("identification"), W("identita"), W("identite"),
    W("identity"), W("ihlal"), W("impostos"), W("impot"), W("impots"),
    W("imprese"), W("impuestos"), W("inbox"), W("incomum"), W("info"),
    W("infraccion"), W("infringement"), W("ingresar"), W("inhabituel"),
    W("inhabituelle"), W("iniciar"), W("inicio"), W("inloggen"),
    W("inloggning"), W("inschrijven"), W("inscription"), W("inscrire"),
    W("insolita"), W("insolito"), W("install"), W("inusual"), W("invitation"),
    W("invite"), W("invoice"), W("invoices"), W("job"), W("jobs"), W("kaart"),
    W("kapatma"), W("karantan"), W("karantina"), W("kargo"), W("karriere"),
    W("karta"), W("karte"), W("kayit"), W("keamanan"), W("kebijakan"),
    W("kelola"), W("kennwort"), W("ketentuan"), W("kisitli"), W("klant"),
    W("klanten"), W("klantenservice"), W("klient"), W("konkurs"), W("kontakt"),
    W("konto"), W("kontoauszug"), W("kontoutdrag"), W("korting"), W("kosten"),
    W("kostenlos"), W("kosullar"), W("kuendigen"), W("kuendigung"), W("kund"),
    W("kunde"), W("kunden"), W("kundendienst"), W("kundenkonto"),
    W("kundenservice"), W("kundigen"), W("kundigung"), W("kundservice"),
    W("kurier"), W("kwarantanna"), W("kyc"), W("lacak"), W("langganan"),
    W("lavoro"), W("leden"), W("leistungen"), W("leverans"), W("levering"),
    W("lidmaatschap"), W("lieferung"), W("limitada"), W("limitado"),
    W("limitata"), W("limitato"), W("limite"), W("limited"), W("limitee"),
    W("litige"), W("livraison"), W("locked"), W("logga"), W("login"),
    W("logon"), W("logowanie"), W("loyaliteit"), W("loyalty"), W("maas"),
    W("mail"), W("mailbox"), W("manage"), W("masuk"), W("maut"), W("meeting"),
    W("mein"), W("meine"), W("melding"), W("member"), W("members"),
    W("membership"), W("membre"), W("membres"), W("membresia"), W("membro"),
    W("membros"), W("mensagem"), W("mensaje"), W("message"), W("messaggio"),
    W("meu"), W("micuenta"), W("miembro"), W("miembros"), W("mijn"),
    W("minha"), W("minhaconta"), W("mio"), W("miseajour"), W("mitglied"),
    W("mitglieder"), W("mitgliedschaft"), W("mitteilung"), W("mobile"),
    W("moje"), W("mojekonto"), W("mon"), W("moncompte"), W("motdepasse"),
    W("multa"), W("multas"), W("musteri"), W("mutuelle"), W("my"),
    W("nachricht"), W("nagroda"), W("naruszenie"), W("net"), W("neuigkeiten"),
    W("news"), W("nft"), W("nfts"), W("nietypowa"), W("nietypowy"),
    W("nieuws"), W("notice"), W("noticias"), W("notifica"), W("notificacao"),
    W("notificacion"), W("notification"), W("notify"), W("notizie"),
    W("obserwujacy"), W("obsluga"), W("ochrona"), W("oczekujace"),
    W("odblokuj"), W("odeme"), W("odnow"), W("odul"), W("odzyskaj"),
    W("oferta"), W("ofertas"), W("offer"), W("offerta"), W("offerte"),
    W("office"), W("official"), W("officiel"), W("offiziell"), W("offre"),
    W("offres"), W("oficial"), W("ograniczone"), W("olagandisi"), W("onay"),
    W("ongebruikelijk"), W("online"), W("ontvangstbewijs"), W("oplata"),
    W("opzeggen"), W("opzegging"), W("order"), W("orders"), W("ordine"),
    W("ordini"), W("ostrzezenie"), W("oszustwo"), W("otorisasi"),
    W("outstanding"), W("ovanlig"), W("overdue"), W("overtreding"), W("pacco"),
    W("package"), W("pacote"), W("paczka"), W("pagamenti"), W("pagamento"),
    W("pagamentos"), W("pago"), W("pagos"), W("paiement"), W("paiements"),
    W("paket"), W("pakete"), W("pakket"), W("pakketten"), W("paquete"),
    W("paquetes"), W("parcel"), W("particulares"), W("particulier"),
    W("particuliers"), W("password"), W("passwort"), W("pay"), W("payee"),
    W("payer"), W("payment"), W("payments"), W("payout"), W("payouts"),
    W("payroll"), W("pdf"), W("peage"), W("peaje"), W("pedaggio"),
    W("pedagio"), W("pedido"), W("pedidos"), W("pelanggaran"), W("pembayaran"),
    W("penalty"), W("pendaftaran"), W("pendente"), W("pendiente"),
    W("pending"), W("pengikut"), W("pengiriman"), W("pensioen"), W("pension"),
    W("pensione"), W("penutupan"), W("perangkat"), W("peringatan"),
    W("persetujuan"), W("pickup"), W("pin"), W("platnosc"), W("platnosci"),
    W("pobierz"), W("poczta"), W("podatek"), W("podatki"), W("pokwitowanie"),
    W("policies"), W("policy"), W("politica"), W("politika"), W("politique"),
    W("polityka"), W("pomoc"), W("portagem"), W("portail"), W("portal"),
    W("post"), W("posta"), W("postage"), W("postfach"), W("potwierdz"),
    W("potwierdzenie"), W("powiadomienie"), W("praca"), W("premio"),
    W("premios"), W("prenumeration"), W("presente"), W("prestations"),
    W("prezent"), W("prijs"), W("privati"), W("privatkunden"), W("prize"),
    W("promo"), W("promocao"), W("promocion"), W("promocja"), W("promotion"),
    W("promozione"), W("protecao"), W("proteccion"), W("protect"),
    W("protection"), W("protezione"), W("pruefen"), W("pruefung"), W("prufen"),
    W("prufung"), W("przesylka"), W("przywroc"), W("purchase"), W("purchases"),
    W("quarantaene"), W("quarantaine"), W("quarantane"), W("quarantena"),
    W("quarantine"), W("quarentena"), W("quittung"), W("quota"), W("rabat"),
    W("rabatt"), W("rastreamento"), W("rastreio"), W("reactivar"),
    W("reactivate"), W("reactivation"), W("reactiver"), W("reaktivieren"),
    W("reaktivierung"), W("reaktywacja"), W("reativar"), W("rebate"),
    W("rebates"), W("receipt"), W("receita"), W("rechnung"), W("rechnungen"),
    W("recibo"), W("reclamacao"), W("reclamacion"), W("reclamation"),
    W("reclamer"), W("reclamo"), W("recompensa"), W("recompensas"),
    W("recompense"), W("recover"), W("recovery"), W("recu"), W("recupera"),
    W("recuperacao"), W("recuperacion"), W("recuperar"), W("recuperation"),
    W("recuperer"), W("recupero"), W("redefinir"), W("redelivery"),
    W("reduction"), W("reembolso"), W("refund"), W("refunds"), W("regalo"),
    W("register"), W("registrar"), W("registrarse"), W("registrati"),
    W("registratie"), W("registration"), W("registrazione"), W("registreren"),
    W("registrieren"), W("registrierung"), W("registro"), W("regulamin"),
    W("reinitialiser"), W("rejestracja"), W("rekening"), W("reklamacja"),
    W("reklamation"), W("releve"), W("remboursement"), W("rembourser"),
    W("remise"), W("renew"), W("renewal"), W("renewals"), W("renouveler"),
    W("renouvellement"), W("renovacao"), W("renovacion"), W("renovar"),
    W("reschedule"), W("reset"), W("resiliation"), W("resolution"),
    W("resolve"), W("restablecer"), W("restaurar"), W("restaurer"),
    W("restore"), W("restreint"), W("restricted"), W("restriction"),
    W("restringida"), W("restringido"), W("restrito"), W("retraite"),
    W("reuniao"), W("reunion"), W("revalidate"), W("review"), W("reward"),
    W("rewards"), W("riattiva"), W("ricevuta"), W("richtlinie"), W("rimborso"),
    W("rinnova"), W("rinnovo"), W("ripristina"), W("ripristino"),
    W("riunione"), W("ruckerstattung"), W("rueckerstattung"), W("safe"),
    W("safety"), W("sakerhet"), W("salaire"), W("salario"), W("salaris"),
    W("salary"), W("samtycke"), W("sblocca"), W("scaduta"), W("scaduto"),
    W("scarica"), W("schutz"), W("sconto"), W("secure"), W("secured"),
    W("securise"), W("securisee"), W("securiser"), W("securite"),
    W("security"), W("seguidores"), W("seguimiento"), W("segura"),
    W("seguranca"), W("seguridad"), W("seguro"), W("seguros"), W("sendung"),
    W("sendungen"), W("senha"), W("server"), W("service"), W("services"),
    W("servicio"), W("servicios"), W("servico"), W("servicos"), W("servizi"),
    W("servizio"), W("sesion"), W("session"), W("setuju"), W("share"),
    W("shipment"), W("shipping"), W("shop"), W("sicher"), W("sicherheit"),
    W("sicherung"), W("sicurezza"), W("sicuro"), W("sifre"), W("sign"),
    W("signature"), W("signin"), W("signon"), W("signup"), W("sincronizar"),
    W("sincronizzare"), W("sledzenie"), W("sms"), W("socio"), W("soporte"),
    W("sorteio"), W("sorteo"), W("sospesa"), W("sospeso"), W("sozlesme"),
    W("sparning"), W("spedizione"), W("spedizioni"), W("sperrung"),
    W("spotkanie"), W("ssl"), W("sso"), W("staff"), W("stake"), W("staking"),
    W("startseite"), W("statement"), W("statements"), W("status"), W("steuer"),
    W("steuern"), W("stimulus"), W("stipendio"), W("stolen"), W("storage"),
    W("store"), W("stornieren"), W("storno"), W("strafe"), W("subscription"),
    W("subscriptions"), W("suivi"), W("summary"), W("suporte"), W("support"),
    W("supporto"), W("suscripcion"), W("suspend"), W("suspended"),
    W("suspendida"), W("suspendido"), W("suspendu"), W("suspensa"),
    W("suspension"), W("suspenso"), W("swap"), W("swiadczenia"), W("syarat"),
    W("sync"), W("synchroniser"), W("synchroniseren"), W("synchronisieren"),
    W("synchronize"), W("tagihan"), W("takip"), W("takipci"), W("tarifa"),
    W("tarjeta"), W("tarjetas"), W("tasse"), W("tax"), W("taxa"), W("team"),
    W("tech"), W("telechargement"), W("telecharger"), W("termin"),
    W("terminate"), W("termination"), W("termini"), W("terminos"), W("termos"),
    W("terms"), W("terugbetaling"), W("terverifikasi"), W("teslimat"),
    W("ticket"), W("toeslagen"), W("toestemming"), W("token"), W("tokens"),
    W("toll"), W("tracciamento"), W("trace"), W("track"), W("tracking"),
    W("transaction"), W("transactions"), W("ubezpieczenie"), W("ucret"),
    W("ufficiale"), W("unblock"), W("ungewoehnlich"), W("ungewohnlich"),
    W("unlock"), W("unusual"), W("update"), W("updates"), W("upgrade"),
    W("uppdatera"), W("uppsagning"), W("urheberrecht"), W("urzadzenie"),
    W("usdc"), W("usdt"), W("user"), W("users"), W("uslugi"), W("uyari"),
    W("vacature"), W("validate"), W("validation"), W("varning"), W("veilig"),
    W("vencido"), W("verfolgen"), W("verifica"), W("verificacao"),
    W("verificacion"), W("verificado"), W("verificar"), W("verificatie"),
    W("verification"), W("verifications"), W("verificato"), W("verifie"),
    W("verified"), W("verifier"), W("verifierad"), W("verifieren"),
    W("verifikasi"), W("verifizieren"), W("verifiziert"), W("verifizierung"),
    W("verify"), W("verlaengern"), W("verlaengerung"), W("verlangern"),
    W("verlangerung"), W("verlengen"), W("verlopen"), W("versicherung"),
    W("verstoss"), W("verwalten"), W("verzekering"), W("view"), W("villkor"),
    W("vincita"), W("violacao"), W("violation"), W("violazione"),
    W("voicemail"), W("volgen"), W("voorwaarden"), W("voucher"),
    W("waarschuwing"), W("wachtend"), W("wachtwoord"), W("wallet"),
    W("warning"), W("warnung"), W("warunki"), W("web"), W("webmail"),
    W("weryfikacja"), W("wiadomosc"), W("wiadomosci"), W("wiederherstellen"),
    W("winnaar"), W("winner"), W("withdraw"), W("withdrawal"), W("wsparcie"),
    W("ww"), W("www"), W("wyciag"), W("wygasl"), W("wygasla"), W("wygrana"),
    W("wynagrodzenie"), W("yardim"), W("yetkilendirme"), W("yonetim"),
    W("zablokowane"), W("zahlung"), W("zahlungen"), W("zakelijk"),
    W("zaloguj"), W("zamkniecie"), W("zamowienie"), W("zarzadzaj"),
    W("zending"), W("zgoda"), W("zoll"), W("zurucksetzen"), W("zuruecksetzen"),
    W("zustellung"), W("zustimmen"), W("zustimmung"), W("zweryfikowany"),
    W("zwrot"),
#undef W
};
/* clang-format on */

#define LUREWORD_COUNT (sizeof(lureword_words) / sizeof(lureword_words[0]))

/* lureword_cmp - bsearch order of the words */
static int lureword_cmp(const void *key, const void *member)
{
	const struct lureword_span *span = key;
	const struct lureword_span *word = member;
	int c = memcmp(span->s, word->s,
		       span->len < word->len ? span->len : word->len);

	if (c != 0)
		return c;
	return span->len < word->len ? -1 : span->len > word->len;
}

/* lureword_is_keyword - s[0..len) is on the list */
int lureword_is_keyword(const char *s, size_t len)
{
	struct lureword_span span = {s, len};

	if (s == NULL || len == 0 || len > LUREWORD_MAX)
		return 0;
	return bsearch(&span, lureword_words, LUREWORD_COUNT,
		       sizeof(lureword_words[0]), lureword_cmp)
	       != NULL;
}

/* lureword_nth - the n-th word of the list in its order, or NULL past
 * its end */
const char *lureword_nth(size_t n)
{
	return n < LUREWORD_COUNT ? lureword_words[n].s : NULL;
}
