// SPDX-License-Identifier: Apache-2.0
// Prepares a Parley desktop profile with one account, as the settings' "add account" would save
// it: the account in the profile database, its password in the profile's credential store. Run
// by bench/desktop.sh as a single-file program on the distribution's class path:
//   java -cp 'app/target/dist/parley.jar:app/target/dist/lib/*' ProvisionProfile.java \
//       PROFILE sip:USER@DOMAIN PASSWORD HOST:PORT
import java.nio.file.Path;
import java.util.Optional;
import org.parley.app.desktop.session.DesktopSession;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.ServerAddress;
import org.parley.core.store.sqlite.ProfileDatabase;

public final class ProvisionProfile {
  public static void main(String[] args) throws Exception {
    Path profile = Path.of(args[0]);
    String addressOfRecord = args[1];
    char[] password = args[2].toCharArray();
    ServerAddress proxy = ServerAddress.parse(args[3], 5060);
    try (ProfileDatabase database = DesktopSession.openDatabase(profile)) {
      AccountSettings plain = AccountSettings.of("Bench", addressOfRecord);
      AccountSettings account =
          database
              .accounts()
              .save(
                  new AccountSettings(
                      plain.id(),
                      plain.displayName(),
                      plain.addressOfRecord(),
                      plain.authUser(),
                      Optional.of(proxy),
                      plain.transport(),
                      plain.expiresSeconds(),
                      plain.enabled()));
      DesktopSession.credentialStore(profile).put(account.credentialKey(), password);
    }
  }
}
